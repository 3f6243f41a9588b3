// Crown jewels named by people: marked through the API (CairnMark) or listed in the settings file
// ($include: [{id, kind}]). Only what the graph holds counts.
CALL () {
  MATCH (m:CairnMark {kind: 'crownJewel'})
  MATCH (n:Entity {id: m.target})
  RETURN n.id AS id, coalesce(m.impact, 'sensitiveStore') AS kind, 'marked' AS reason,
         coalesce(n.account, split(n.id, ':')[4]) AS account
  UNION
  UNWIND $include AS j
  MATCH (n:Entity {id: j.id})
  RETURN n.id AS id, j.kind AS kind, 'configured' AS reason,
         coalesce(n.account, split(n.id, ':')[4]) AS account
}
RETURN id, kind, reason, account
ORDER BY id

// Entry points named by people: marked compromised through the API (CairnMark) or listed as
// assumed compromised in the settings file ($compromised). Only what the graph holds counts.
CALL () {
  MATCH (m:CairnMark {kind: 'compromised'})
  MATCH (n:Entity {id: m.target})
  RETURN n.id AS id, 'marked-compromised' AS reason
  UNION
  UNWIND $compromised AS target
  MATCH (n:Entity {id: target})
  RETURN n.id AS id, 'assumed-compromised' AS reason
}
RETURN id, collect(reason) AS reasons
ORDER BY id

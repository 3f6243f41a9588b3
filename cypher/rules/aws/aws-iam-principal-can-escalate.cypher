// aws-iam-principal-can-escalate: every IAM user and role `cairn analyze` judged not
// admin-equivalent, with its shortest path to admin that uses an escalation technique: up to two
// CAN_ASSUME/CAN_ESCALATE hops, then a CAN_ESCALATE edge (the last technique), then at most one
// CAN_ASSUME, ending at an admin-equivalent principal or right after an edge that grants admin.
// The last technique is a named hop because a shortest-path search does not revisit a node in
// the same pattern position, and a self-escalation (mid -> mid) revisits its caller. The
// evaluator reads the first step's actions from its evidence.
MATCH (p:Principal)
WHERE (p:AWSUser OR p:AWSRole) AND coalesce(p.stub, false) = false
  AND p.adminStatus IS NOT NULL AND coalesce(p.isAdmin, false) = false
OPTIONAL CALL (p) {
  MATCH path = ANY SHORTEST
    (p)-[:CAN_ESCALATE|CAN_ASSUME]->{0,2}(m)-[e:CAN_ESCALATE]->(n)-[:CAN_ASSUME]->{0,1}(t)
  WHERE e.grantsAdmin = true OR t.isAdmin = true
  RETURN path
  ORDER BY length(path)
  LIMIT 1
}
WITH p, path, CASE WHEN path IS NULL THEN null ELSE relationships(path)[0] END AS first
RETURN p.id AS resource,
       CASE WHEN p:AWSUser THEN 'AWSUser' ELSE 'AWSRole' END AS resourceType,
       split(p.id, ':')[4] AS account,
       'global' AS region,
       {target: last(nodes(path)).id,
        via: [n IN nodes(path) | n.id],
        techniques: [e IN relationships(path) | e.technique],
        conditional: any(e IN relationships(path) WHERE e.conditional = true),
        technique: first.technique,
        actions: first.actions,
        stepEvidence: first.evidence} AS evidence

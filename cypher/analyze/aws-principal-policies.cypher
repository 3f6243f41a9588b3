// Every IAM user and role of one account scope with its identity policies (attached, inline and
// through groups) and its permissions boundary. Stub policies carry no document and are skipped.
MATCH (p:Entity)
WHERE p.scope = $scope AND p.stub = false AND (p:AWSUser OR p:AWSRole)
OPTIONAL MATCH (p)-[:HAS_POLICY]->(direct:Policy)
WHERE direct.document IS NOT NULL
WITH p, collect(DISTINCT direct {.id, .document}) AS direct
OPTIONAL MATCH (p)-[:MEMBER_OF]->(:AWSGroup)-[:HAS_POLICY]->(viaGroup:Policy)
WHERE viaGroup.document IS NOT NULL
WITH p, direct, collect(DISTINCT viaGroup {.id, .document}) AS viaGroups
OPTIONAL MATCH (p)-[:HAS_BOUNDARY]->(boundary:Policy)
RETURN p.id AS id,
       CASE WHEN p:AWSRole THEN 'role' ELSE 'user' END AS kind,
       p.trustPolicy AS trustPolicy,
       direct + viaGroups AS policies,
       boundary {.id, .document} AS boundary,
       boundary IS NOT NULL AND boundary.document IS NULL AS boundaryUnknown
ORDER BY id

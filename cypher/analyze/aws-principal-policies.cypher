// Every IAM user and role of one account scope with its identity policies (attached, inline and
// through groups, each with its kind), its permissions boundary, groups, instance profiles, and
// what the credential report and key listing say (null when they were not collected).
// Stub policies carry no document and are skipped.
MATCH (p:Entity)
WHERE p.scope = $scope AND p.stub = false AND (p:AWSUser OR p:AWSRole)
OPTIONAL MATCH (p)-[:HAS_POLICY]->(direct:Policy)
WHERE direct.document IS NOT NULL
WITH p, collect(DISTINCT direct {.id, .document,
  kind: CASE WHEN direct:AWSManagedPolicy THEN 'aws-managed'
             WHEN direct.policyType = 'managed' THEN 'customer-managed' ELSE 'inline' END}) AS direct
OPTIONAL MATCH (p)-[:MEMBER_OF]->(g:AWSGroup)
WITH p, direct, collect(g.id) AS groups
OPTIONAL MATCH (p)-[:MEMBER_OF]->(g:AWSGroup)-[:HAS_POLICY]->(viaGroup:Policy)
WHERE viaGroup.document IS NOT NULL
WITH p, direct, groups, collect(DISTINCT viaGroup {.id, .document, via: g.id,
  kind: CASE WHEN viaGroup:AWSManagedPolicy THEN 'aws-managed'
             WHEN viaGroup.policyType = 'managed' THEN 'customer-managed' ELSE 'inline' END}) AS viaGroups
OPTIONAL MATCH (p)-[:HAS_BOUNDARY]->(boundary:Policy)
OPTIONAL MATCH (profile:AWSInstanceProfile)-[:HAS_ROLE]->(p)
WITH p, direct, groups, viaGroups, boundary, collect(profile.id) AS instanceProfiles
OPTIONAL MATCH (p)-[:HAS_ACCESS_KEY]->(key:AWSAccessKey)
WITH p, direct, groups, viaGroups, boundary, instanceProfiles, count(key) AS keys
RETURN p.id AS id,
       CASE WHEN p:AWSRole THEN 'role' ELSE 'user' END AS kind,
       p.path AS path,
       p.trustPolicy AS trustPolicy,
       direct + viaGroups AS policies,
       boundary {.id, .document} AS boundary,
       boundary IS NOT NULL AND boundary.document IS NULL AS boundaryUnknown,
       groups,
       instanceProfiles,
       // Keys are listed by a live scan, which also reads the credential report.
       CASE WHEN p:AWSUser AND p.hasConsolePassword IS NOT NULL THEN keys ELSE null END AS accessKeys,
       p.hasConsolePassword AS consolePassword
ORDER BY id

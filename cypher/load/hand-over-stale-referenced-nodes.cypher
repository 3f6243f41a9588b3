// Stale nodes that another scope's relationships still use (a role this account no longer has,
// trusted by another account) become that scope's stubs instead of being deleted.
MATCH (n:Entity)
WHERE n.scope = $scope AND n.scanId <> $scanId
MATCH (n)-[r]-()
WHERE r.scope IS NOT NULL AND r.scope <> $scope
WITH n, head(collect(r)) AS r
SET n.scope = r.scope, n.scanId = r.scanId, n.stub = true
RETURN count(n) AS handedOver

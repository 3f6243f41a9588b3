// Entities of this scope that the finished load did not write. Uses the entity_scope index.
MATCH (n:Entity)
WHERE n.scope = $scope AND n.scanId <> $scanId
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted

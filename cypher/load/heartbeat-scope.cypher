// Proves the load is alive; also tells the loader whether it still holds the scope.
MATCH (s:CairnScope {id: $scope})
WHERE s.pendingScanId = $scanId
SET s.pendingHeartbeat = $now
RETURN count(s) AS held

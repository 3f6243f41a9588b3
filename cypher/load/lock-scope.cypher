// Takes the scope's write lock for the rest of the transaction and reports any load in progress.
MERGE (s:CairnScope {id: $scope})
  ON CREATE SET s.provider = $provider, s.status = 'EMPTY', s.createdAt = $now
SET s.lockedAt = $now
RETURN s.status AS status,
       s.currentScanId AS currentScanId,
       s.pendingScanId AS pendingScanId,
       s.pendingStage AS pendingStage,
       s.pendingHeartbeat AS pendingHeartbeat

// The load's data is complete and stale data is gone: it becomes the scope's current state.
MATCH (s:CairnScope {id: $scope})
WHERE s.pendingScanId = $scanId
MATCH (scan:CairnScan {id: $scanId})
SET s.previousScanId = s.currentScanId,
    s.currentScanId = $scanId,
    s.status = 'COMPLETE',
    s.loadedAt = $now,
    s.nodeCount = scan.nodeCount,
    s.relCount = scan.relCount,
    scan.status = 'COMPLETE',
    scan.finishedAt = $now
REMOVE s.pendingScanId, s.pendingStage, s.pendingSince, s.pendingHeartbeat
RETURN count(s) AS finished

// The load's data is complete and stale data is gone: it becomes the scope's current state.
// Locks the scope first so the pending check reads what a concurrent finisher left: a load is
// made current once, and previousScanId never ends up naming the current scan.
MATCH (s:CairnScope {id: $scope})
SET s.lockedAt = $now
WITH s
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

// A load that failed while staging: the scope keeps its previous state untouched.
MATCH (s:CairnScope {id: $scope})
WHERE s.pendingScanId = $scanId AND s.pendingStage = 'STAGING'
REMOVE s.pendingScanId, s.pendingStage, s.pendingSince, s.pendingHeartbeat
WITH s
OPTIONAL MATCH (scan:CairnScan {id: $scanId})
SET scan.status = 'FAILED',
    scan.finishedAt = $now,
    scan.error = $error
RETURN count(s) AS abandoned

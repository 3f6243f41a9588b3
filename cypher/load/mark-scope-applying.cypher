// Everything is staged: from here the load rolls forward, and readers see the scope as APPLYING.
MATCH (s:CairnScope {id: $scope})
WHERE s.pendingScanId = $scanId
SET s.pendingStage = 'APPLYING',
    s.status = 'APPLYING',
    s.pendingHeartbeat = $now
WITH s
MATCH (scan:CairnScan {id: $scanId})
SET scan.status = 'APPLYING',
    scan.stagedAt = $now,
    scan.nodeCount = $nodeCount,
    scan.relCount = $relCount
RETURN count(s) AS marked

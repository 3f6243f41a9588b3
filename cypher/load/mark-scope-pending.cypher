// A new load starts staging. The scope's current data and status stay as they are.
MATCH (s:CairnScope {id: $scope})
SET s.pendingScanId = $scanId,
    s.pendingStage = 'STAGING',
    s.pendingSince = $now,
    s.pendingHeartbeat = $now
MERGE (scan:CairnScan {id: $scanId})
SET scan.scope = $scope,
    scan.provider = $provider,
    scan.source = $source,
    scan.status = 'STAGING',
    scan.startedAt = $now

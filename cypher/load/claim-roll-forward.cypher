// Takes over an applying load whose loader stopped beating. The first SET takes the scope node's
// write lock before the heartbeat is read (a WHERE read before the lock could see a value another
// process is about to replace), so of several processes recovering at once exactly one claims it.
MATCH (s:CairnScope {id: $scope})
SET s.lockedAt = $now
WITH s
WHERE s.pendingScanId = $scanId
  AND s.pendingStage = 'APPLYING'
  AND coalesce(s.pendingHeartbeat, '') <= $staleBefore
SET s.pendingHeartbeat = $now
RETURN count(s) AS claimed

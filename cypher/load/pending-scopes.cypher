// Loads that were interrupted after staging finished; they are rolled forward.
MATCH (s:CairnScope)
WHERE s.pendingStage = 'APPLYING'
RETURN s.id AS scope, s.provider AS provider, s.pendingScanId AS scanId

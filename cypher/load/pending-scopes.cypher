// Loads that finished staging and are applying: live ones beat, interrupted ones are rolled forward.
MATCH (s:CairnScope)
WHERE s.pendingStage = 'APPLYING'
  AND ($scope IS NULL OR s.id = $scope)
RETURN s.id AS scope, s.provider AS provider, s.pendingScanId AS scanId

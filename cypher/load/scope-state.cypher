MATCH (s:CairnScope {id: $scope})
RETURN s {.*} AS scope

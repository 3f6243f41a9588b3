// How many coverage gaps pass the filters of coverage-gaps.cypher.
MATCH (g:CoverageGap)
WHERE ($scope IS NULL OR g.scope = $scope)
  AND ($service IS NULL OR g.service = $service)
  AND ($errorCode IS NULL OR g.errorCode = $errorCode)
RETURN count(g) AS totalCount

// A page of coverage gaps (what scans could not read) after an id cursor, filtered.
MATCH (g:CoverageGap)
WHERE ($scope IS NULL OR g.scope = $scope)
  AND ($service IS NULL OR g.service = $service)
  AND ($errorCode IS NULL OR g.errorCode = $errorCode)
  AND ($afterId IS NULL OR g.id > $afterId)
RETURN g {.id, .scope, .cloud, .service, .operation, .region, .errorCode, .message} AS gap
ORDER BY g.id
LIMIT $limit

// A page of findings, highest priority first. Every filter is optional (null: no filter); the
// status is computed here so that an expired suppression stops applying without a new analysis.
MATCH (f:CairnFinding)
WHERE ($ruleIds IS NULL OR f.ruleId IN $ruleIds)
  AND ($severities IS NULL OR f.severity IN $severities)
  AND ($accounts IS NULL OR f.account IN $accounts)
  AND ($regions IS NULL OR f.region IN $regions)
  AND ($resourceTypes IS NULL OR f.resourceType IN $resourceTypes)
  AND ($resources IS NULL OR f.resource IN $resources)
  AND ($onAttackPath IS NULL OR f.onAttackPath = $onAttackPath)
WITH f,
     CASE
       WHEN f.state = 'OPEN' AND f.suppressionId IS NOT NULL
            AND (f.suppressionExpires IS NULL OR f.suppressionExpires > $now) THEN 'SUPPRESSED'
       ELSE f.state
     END AS status
WHERE $statuses IS NULL OR status IN $statuses
WITH f, status
ORDER BY f.priority DESC, f.id
WITH collect({f: f, status: status}) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched
        WHERE $afterId IS NULL OR x.f.priority < $afterPriority
           OR (x.f.priority = $afterPriority AND x.f.id > $afterId)
        | x][0..$limit] AS page

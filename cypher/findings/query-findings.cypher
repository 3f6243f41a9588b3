// A page of findings after a (priority, id) cursor, highest priority first. Every filter is
// optional (null: no filter); the status is computed here so that an expired suppression stops
// applying without a new analysis. count-findings.cypher holds the same filters.
MATCH (f:CairnFinding)
WHERE ($ruleIds IS NULL OR f.ruleId IN $ruleIds)
  AND ($severities IS NULL OR f.severity IN $severities)
  AND ($accounts IS NULL OR f.account IN $accounts)
  AND ($regions IS NULL OR f.region IN $regions)
  AND ($resourceTypes IS NULL OR f.resourceType IN $resourceTypes)
  AND ($resources IS NULL OR f.resource IN $resources)
  AND ($onAttackPath IS NULL OR f.onAttackPath = $onAttackPath)
  AND ($afterId IS NULL OR f.priority < $afterPriority
       OR (f.priority = $afterPriority AND f.id > $afterId))
WITH f,
     CASE
       WHEN f.state = 'OPEN' AND f.suppressionId IS NOT NULL
            AND (f.suppressionExpires IS NULL OR f.suppressionExpires > $now) THEN 'SUPPRESSED'
       ELSE f.state
     END AS status
WHERE $statuses IS NULL OR status IN $statuses
RETURN f, status
ORDER BY f.priority DESC, f.id
LIMIT $limit

// query-findings.cypher for broad filters (any but a resource or a few rules): walks the priority
// index from the cursor down, so a first page reads about a page of findings instead of sorting
// them all. The caller passes $fromPriority (the cursor's priority, or above any) so that the
// planner seeks the index by range, in descending order.
MATCH (f:CairnFinding)
WHERE f.priority <= $fromPriority
  AND ($ruleIds IS NULL OR f.ruleId IN $ruleIds)
  AND ($resources IS NULL OR f.resource IN $resources)
  AND ($severities IS NULL OR f.severity IN $severities)
  AND ($accounts IS NULL OR f.account IN $accounts)
  AND ($regions IS NULL OR f.region IN $regions)
  AND ($resourceTypes IS NULL OR f.resourceType IN $resourceTypes)
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

// How many findings match the filters of query-findings.cypher (on every page).
MATCH (f:CairnFinding)
WHERE ($ruleIds IS NULL OR f.ruleId IN $ruleIds)
  AND ($severities IS NULL OR f.severity IN $severities)
  AND ($accounts IS NULL OR f.account IN $accounts)
  AND ($regions IS NULL OR f.region IN $regions)
  AND ($resourceTypes IS NULL OR f.resourceType IN $resourceTypes)
  AND ($resources IS NULL OR f.resource IN $resources)
  AND ($onAttackPath IS NULL OR f.onAttackPath = $onAttackPath)
WITH CASE
       WHEN f.state = 'OPEN' AND f.suppressionId IS NOT NULL
            AND (f.suppressionExpires IS NULL OR f.suppressionExpires > $now) THEN 'SUPPRESSED'
       ELSE f.state
     END AS status
WHERE $statuses IS NULL OR status IN $statuses
RETURN count(*) AS totalCount

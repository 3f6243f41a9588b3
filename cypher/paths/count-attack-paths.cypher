MATCH (p:CairnAttackPath {runId: $runId})
RETURN count(p) AS totalCount

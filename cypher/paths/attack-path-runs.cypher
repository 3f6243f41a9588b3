// The runs that stored paths, newest first.
MATCH (p:CairnAttackPath)
WITH DISTINCT p.runId AS runId
RETURN runId
ORDER BY runId DESC

// Open findings whose rule ran and no longer fails on their resource.
UNWIND $ids AS id
MATCH (f:CairnFinding {id: id})
WHERE f.state = 'OPEN'
SET f.state = 'RESOLVED', f.resolvedAt = $now, f.lastScanRun = $runId
RETURN count(*) AS resolved

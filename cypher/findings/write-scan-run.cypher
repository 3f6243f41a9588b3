// One `cairn analyze`: when, what the rules did, and each framework's score (for trends).
MERGE (r:CairnScanRun {id: $run.id})
SET r += $run
WITH r
UNWIND $evaluations AS e
MERGE (x:CairnRuleEvaluation {id: e.id})
SET x += e, x.runId = $run.id
RETURN count(*) AS written

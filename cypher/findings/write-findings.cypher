// Findings that failed in this run, whole: MERGE on the (rule, resource) id keeps one per pair.
UNWIND $rows AS row
MERGE (f:CairnFinding {id: row.id})
SET f += row
RETURN count(*) AS written

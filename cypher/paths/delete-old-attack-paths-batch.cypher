// Paths of runs before the previous one: the current and the previous run are kept, so the API
// can say what is new and what is gone.
MATCH (p:CairnAttackPath)
WHERE NOT p.runId IN $keep
WITH p LIMIT $limit
DELETE p
RETURN count(*) AS deleted

// Paths (and run records) of runs before the previous one: the current and the previous run are
// kept, so the API can say what is new and what is gone.
MATCH (p:CairnAttackPath|CairnPathRun)
WHERE NOT coalesce(p.runId, p.id) IN $keep
WITH p LIMIT $limit
DELETE p
RETURN count(*) AS deleted

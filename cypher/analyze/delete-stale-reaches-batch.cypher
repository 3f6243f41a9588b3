// REACHES edges an earlier analysis derived.
MATCH ()-[r:REACHES]->()
WHERE r.analysisId <> $analysisId
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted

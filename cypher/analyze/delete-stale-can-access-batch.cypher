// CAN_ACCESS edges an earlier analysis derived and this one did not (uses the analysisId index).
MATCH ()-[r:CAN_ACCESS]->()
WHERE r.analysisId <> $analysisId
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted

MATCH (b:CairnStagedBatch {scanId: $scanId})
WITH b LIMIT $limit
DELETE b
RETURN count(*) AS deleted

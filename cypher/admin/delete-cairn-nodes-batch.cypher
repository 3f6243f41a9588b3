// Batched so that a reset of a large graph stays within the transaction memory limit.
MATCH (n:$($label))
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted

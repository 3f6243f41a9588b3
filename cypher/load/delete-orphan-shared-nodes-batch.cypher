// Shared nodes (AWS managed policies, ...) belong to no account; they go when nothing uses them.
MATCH (n:Entity)
WHERE n.scope = $sharedScope AND NOT (n)--()
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS deleted

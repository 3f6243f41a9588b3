// The reviewed file is the whole truth for file suppressions: what it no longer lists goes.
MATCH (s:CairnSuppression {source: 'file'})
WHERE NOT s.id IN [row IN $rows | row.id]
DETACH DELETE s
WITH count(*) AS removed
UNWIND $rows AS row
MERGE (s:CairnSuppression {id: row.id})
SET s.source = 'file', s.criteria = row.criteria,
    s.createdAt = coalesce(s.createdAt, row.createdAt)
RETURN removed, count(row) AS written

MATCH (s:CairnSuppression)
RETURN s.id AS id, s.source AS source, s.createdAt AS createdAt, s.criteria AS criteria
ORDER BY s.createdAt, s.id

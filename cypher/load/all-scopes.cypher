MATCH (s:CairnScope)
RETURN s {.*} AS scope
ORDER BY s.id

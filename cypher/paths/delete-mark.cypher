// Removes one mark; says whether there was one.
OPTIONAL MATCH (m:CairnMark {id: $id})
WITH m, m IS NOT NULL AS existed
DETACH DELETE m
RETURN existed

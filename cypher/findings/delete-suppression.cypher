// Only API suppressions: the reviewed file's are changed by changing the file.
MATCH (s:CairnSuppression {id: $id})
WITH s, s.source AS source
FOREACH (_ IN CASE WHEN source = 'api' THEN [1] ELSE [] END | DETACH DELETE s)
RETURN source

// AWS account scopes (not organizations or shared scopes) that are loaded and complete.
MATCH (s:CairnScope)
WHERE s.provider = 'AWS' AND s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}'
RETURN s.id AS scope, substring(s.id, 4) AS account
ORDER BY scope

CREATE (s:CairnSuppression {id: $id, source: 'api', criteria: $criteria, createdAt: $createdAt})
RETURN s.id AS id

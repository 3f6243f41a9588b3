// Which of these principals are admin-equivalent by their own permissions.
UNWIND $ids AS id
MATCH (p:Entity {id: id})
WHERE p.isAdmin = true
RETURN p.id AS id

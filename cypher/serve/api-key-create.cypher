// Creates nothing when the id is taken, so the caller can draw another key.
OPTIONAL MATCH (taken:CairnApiKey {id: $id})
WITH taken
WHERE taken IS NULL
CREATE (k:CairnApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt,
                       expiresAt: $expiresAt})
RETURN k.id AS id

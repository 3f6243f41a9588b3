// Never the hash: listings are for people.
MATCH (k:CairnApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt,
       k.expiresAt AS expiresAt, k.lastUsedAt AS lastUsedAt, k.revokedAt AS revokedAt
ORDER BY k.createdAt, k.id

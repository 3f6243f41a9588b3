MATCH (k:CairnApiKey)
WHERE k.revokedAt IS NULL
RETURN k.id AS id, k.role AS role, k.hash AS hash, k.expiresAt AS expiresAt

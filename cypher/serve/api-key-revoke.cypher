// Revoking twice keeps the first time.
MATCH (k:CairnApiKey {id: $id})
WITH k, k.revokedAt IS NOT NULL AS alreadyRevoked
SET k.revokedAt = coalesce(k.revokedAt, $revokedAt)
RETURN alreadyRevoked

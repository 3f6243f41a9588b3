MATCH (k:CairnApiKey {id: $id})
SET k.lastUsedAt = $lastUsedAt

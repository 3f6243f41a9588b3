MATCH (r:CairnScanRun)
RETURN r.id AS id, r.startedAt AS startedAt
ORDER BY r.startedAt DESC, r.id DESC
LIMIT 1

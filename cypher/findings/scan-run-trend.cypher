// The most recent scan runs, newest first, with the framework scores each recorded.
MATCH (r:CairnScanRun)
RETURN r.id AS id, r.startedAt AS startedAt, r.compliance AS compliance
ORDER BY r.startedAt DESC, r.id DESC
LIMIT $limit

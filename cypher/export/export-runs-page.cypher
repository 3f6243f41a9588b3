// Runs of scheduled exports, newest first, after a (startedAt, id) cursor; optionally one schedule.
MATCH (r:CairnExportRun)
WHERE ($schedule IS NULL OR r.schedule = $schedule)
  AND ($afterId IS NULL OR r.startedAt < $afterStartedAt
       OR (r.startedAt = $afterStartedAt AND r.id < $afterId))
RETURN r {.*} AS run
ORDER BY r.startedAt DESC, r.id DESC
LIMIT $limit

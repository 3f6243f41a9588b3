// The attack-path runs, newest first (run ids are analysis ids, which sort by time).
MATCH (r:CairnPathRun)
RETURN r.id AS runId, r.settings AS settings, r.paths AS paths, r.groups AS groups
ORDER BY r.id DESC

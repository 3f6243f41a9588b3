// The latest analyses, newest first: when, how many rules ran, each framework's score (JSON
// text), and the attack paths the same analysis stored (null once that run is gone).
MATCH (r:CairnScanRun)
WITH r ORDER BY r.id DESC LIMIT $limit
OPTIONAL MATCH (p:CairnPathRun {id: r.id})
RETURN r.id AS id, r.startedAt AS startedAt, r.rules AS rules, r.compliance AS compliance,
       p.paths AS attackPaths, p.groups AS attackPathGroups
ORDER BY id DESC

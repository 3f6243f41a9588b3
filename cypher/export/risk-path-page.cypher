// A page of one run's paths after a (score, id) cursor, highest score first, each with the score
// the same hops had in the other run (null when absent): what is new, unchanged or gone. A path's
// id is `<runId>/<pathKey>` ($otherPrefix is `<other runId>/`), so the other run's copy is
// found through the unique id index.
MATCH (p:CairnAttackPath {runId: $runId})
WHERE $afterId IS NULL OR p.score < $afterScore OR (p.score = $afterScore AND p.id > $afterId)
WITH p
ORDER BY p.score DESC, p.id
LIMIT $limit
OPTIONAL MATCH (o:CairnAttackPath {id: $otherPrefix + p.pathKey})
RETURN p {.*} AS path, o.score AS otherScore
ORDER BY path.score DESC, path.id

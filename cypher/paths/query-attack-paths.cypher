// A page of one run's paths after a (score, id) cursor, highest score first.
MATCH (p:CairnAttackPath {runId: $runId})
WHERE $afterId IS NULL OR p.score < $afterScore OR (p.score = $afterScore AND p.id > $afterId)
RETURN p {.*} AS path
ORDER BY p.score DESC, p.id
LIMIT $limit

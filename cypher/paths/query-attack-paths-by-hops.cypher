// A page of one run's paths after a (hops, score, id) cursor, shortest first and then highest
// score, with the same filters as query-attack-paths.cypher.
MATCH (p:CairnAttackPath {runId: $runId})
WHERE ($f.bands IS NULL OR p.band IN $f.bands)
  AND ($f.source IS NULL OR p.entry = $f.source)
  AND ($f.target IS NULL OR p.jewel = $f.target)
  AND ($f.through IS NULL OR $f.through IN p.nodeIds)
  AND ($f.account IS NULL OR $f.account IN p.accounts)
  AND ($f.technique IS NULL OR $f.technique IN p.techniques)
  AND ($f.isNew IS NULL OR p.isNew = $f.isNew)
  AND ($f.minScore IS NULL OR p.score >= $f.minScore)
  AND ($f.grouped = false OR p.groupRank = 1)
  AND ($afterId IS NULL OR p.hopCount > $afterHops
       OR (p.hopCount = $afterHops AND (p.score < $afterScore
           OR (p.score = $afterScore AND p.id > $afterId))))
RETURN p {.*} AS path
ORDER BY p.hopCount, p.score DESC, p.id
LIMIT $limit

// How many of one run's paths pass the filters of query-attack-paths.cypher.
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
RETURN count(p) AS totalCount

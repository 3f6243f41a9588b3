// Writes this analysis's CAN_ACCESS edges from principals, one data store per group. CREATE,
// not MERGE: the previous analysis's edges are deleted by analysis id right after (readers may
// briefly see both). Optional properties are null (unset) when empty.
UNWIND $groups AS g
MATCH (t:Entity {id: g.to})
UNWIND g.edges AS e
MATCH (a:Entity {id: e.from})
CREATE (a)-[r:CAN_ACCESS]->(t)
SET r.levels = e.levels,
    r.conditionalLevels = e.conditionalLevels,
    r.actions = e.actions,
    r.conditional = e.conditional,
    r.pending = e.pending,
    r.evidence = e.evidence,
    r.analysisId = $analysisId

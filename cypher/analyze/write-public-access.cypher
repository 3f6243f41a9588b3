// Writes this analysis's CAN_ACCESS edges from the Internet, one per data store and audience.
// The Internet node is shared (no scope owns it) and is created here the first time it is
// needed; loads remove it once nothing is attached.
MERGE (net:Entity {id: 'internet'})
ON CREATE SET net:Internet,
              net.provider = 'CAIRN',
              net.scope = 'cairn:global',
              net.stub = false,
              net.name = 'Internet',
              net.scanId = $analysisId,
              net.firstSeen = $now,
              net.lastSeen = $now
WITH net
UNWIND $groups AS g
MATCH (t:Entity {id: g.to})
UNWIND g.edges AS e
CREATE (net)-[r:CAN_ACCESS]->(t)
SET r.levels = e.levels,
    r.conditionalLevels = e.conditionalLevels,
    r.actions = e.actions,
    r.conditional = e.conditional,
    r.pending = e.pending,
    r.audience = e.audience,
    r.evidence = e.evidence,
    r.analysisId = $analysisId

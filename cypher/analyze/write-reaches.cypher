// Writes this analysis's REACHES edges from the Internet node, one per reached resource. The
// Internet node is shared (no scope owns it) and is created here the first time it reaches
// something; loads remove it once nothing is attached.
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
CREATE (net)-[r:REACHES]->(t)
SET r.exposure = g.exposure,
    r.ports = g.ports,
    r.analysisId = $analysisId

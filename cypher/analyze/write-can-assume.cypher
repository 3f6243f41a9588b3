// Writes this analysis's CAN_ASSUME edges with their evidence.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:CAN_ASSUME]->(b)
SET r.technique = row.technique,
    r.actions = row.actions,
    r.conditional = row.conditional,
    r.pending = row.pending,
    r.evidence = row.evidence,
    r.analysisId = $analysisId

// Writes this analysis's CAN_ASSUME edges with their evidence. CREATE, not MERGE: an admin
// principal has thousands of these edges and MERGE would scan them for every row; the previous
// analysis's edges are deleted by analysis id right after (readers may briefly see both).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:CAN_ASSUME]->(b)
SET r.technique = row.technique,
    r.actions = row.actions,
    r.conditional = row.conditional,
    r.pending = row.pending,
    r.evidence = row.evidence,
    r.analysisId = $analysisId

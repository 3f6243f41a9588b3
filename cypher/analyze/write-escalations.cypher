// Writes this analysis's escalation edges, one relationship per (from, to, technique).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:CAN_ESCALATE {technique: row.technique}]->(b)
SET r.actions = row.actions,
    r.grantsAdmin = row.grantsAdmin,
    r.conditional = row.conditional,
    r.pending = row.pending,
    r.preconditions = row.preconditions,
    r.through = row.through,
    r.evidence = row.evidence,
    r.analysisId = $analysisId

// Writes this analysis's escalation edges from one caller per group, one relationship per
// (to, technique). CREATE, not MERGE, as for CAN_ASSUME: the previous analysis's edges are
// deleted by analysis id right after. Empty lists and a missing `through` stay unset.
UNWIND $groups AS g
MATCH (a:Entity {id: g.from})
UNWIND g.edges AS e
MATCH (b:Entity {id: e.to})
CREATE (a)-[r:CAN_ESCALATE]->(b)
SET r.technique = e.technique,
    r.actions = e.actions,
    r.grantsAdmin = e.grantsAdmin,
    r.conditional = e.conditional,
    r.pending = e.pending,
    r.preconditions = e.preconditions,
    r.through = e.through,
    r.evidence = e.evidence,
    r.analysisId = $analysisId

// The assumption and escalation edges leaving a set of principals: one breadth-first hop of
// escalationPaths. `actions` is null when they are the technique's own (filled in by the reader).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CAN_ASSUME|CAN_ESCALATE]->(b:Entity)
RETURN a.id AS from,
       b.id AS to,
       r.technique AS technique,
       r.actions AS actions,
       coalesce(r.grantsAdmin, false) AS grantsAdmin,
       r.conditional AS conditional

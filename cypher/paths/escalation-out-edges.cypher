// The assumption and escalation edges leaving a set of principals: one breadth-first hop of
// escalationPaths. CAN_ASSUME edges always rely on sts:AssumeRole alone (not stored per edge).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CAN_ASSUME|CAN_ESCALATE]->(b:Entity)
RETURN a.id AS from,
       b.id AS to,
       r.technique AS technique,
       coalesce(r.actions, ['sts:AssumeRole']) AS actions,
       coalesce(r.grantsAdmin, false) AS grantsAdmin,
       r.conditional AS conditional

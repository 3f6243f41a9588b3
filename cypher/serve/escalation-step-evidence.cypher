// The evidence of escalation steps, by (from, to, technique): what a path explains itself with.
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})-[r:CAN_ASSUME|CAN_ESCALATE]->(b:Entity {id: key.to})
WHERE r.technique = key.technique
RETURN key.from AS from, key.to AS to, key.technique AS technique,
       r.evidence AS evidence, r.pending AS pending, r.preconditions AS preconditions,
       r.through AS through

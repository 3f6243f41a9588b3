// What anyone on the internet may do to a data store (a public bucket): its CAN_ACCESS edges
// from the Internet node, one per audience.
MATCH (:Internet)-[a:CAN_ACCESS]->(n:Entity {id: $id})
RETURN a.audience AS audience, a.levels AS levels, a.actions AS actions,
       a.conditional AS conditional
ORDER BY audience

// How the internet reaches a resource: its REACHES edge from the Internet node, if any.
MATCH (:Internet)-[r:REACHES]->(n:Entity {id: $id})
RETURN r.exposure AS exposure

// Marks a node (only one the graph holds); marking it again replaces the earlier mark.
MATCH (n:Entity {id: $mark.target})
MERGE (m:CairnMark {id: $mark.id})
SET m += $mark
RETURN m {.*} AS mark

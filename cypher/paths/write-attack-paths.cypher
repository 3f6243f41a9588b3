// The paths one analysis found (each with its steps as JSON text: Neo4j stores no maps).
UNWIND $rows AS row
MERGE (p:CairnAttackPath {id: row.id})
SET p += row
RETURN count(*) AS written

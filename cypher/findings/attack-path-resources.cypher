// Resources an attack could use today: reached or readable from the internet (and what lets
// the traffic through), principals with a path to admin, and workloads running as such.
CALL () {
  MATCH (:Internet)-[r:REACHES]->(n)
  RETURN n.id AS id, r.exposure AS exposure
  UNION
  MATCH (:Internet)-[:CAN_ACCESS]->(n)
  RETURN n.id AS id, null AS exposure
  UNION
  MATCH (p:Principal)-[:CAN_ESCALATE]->()
  RETURN DISTINCT p.id AS id, null AS exposure
  UNION
  // Instances reach their role through the instance profile; other workloads run as it.
  MATCH (w)-[:HAS_INSTANCE_PROFILE|HAS_ROLE|RUNS_AS*1..2]->(r:AWSRole)
  WHERE NOT w:AWSInstanceProfile
    AND (r.adminStatus = 'admin' OR EXISTS { (r)-[:CAN_ESCALATE]->() })
  RETURN DISTINCT w.id AS id, null AS exposure
}
RETURN id, exposure

// aws-ec2-internet-reachable-privileged-role: every EC2 instance with what the Internet REACHES
// on it, its instance role's admin status and, for reached instances only, the shortest chain of
// CAN_ASSUME / CAN_ESCALATE edges (at most 3) from that role to an admin-equivalent principal
// or to a grant of admin: compromising the host then means compromising the account.
MATCH (i:AWSEC2Instance)
WHERE coalesce(i.stub, false) = false
OPTIONAL MATCH (:Internet)-[r:REACHES]->(i)
OPTIONAL MATCH (i)-[:HAS_INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:HAS_ROLE]->(role:AWSRole)
WITH i, r, head(collect(role)) AS role
WITH i, r, role,
     CASE WHEN r IS NULL OR role IS NULL OR role.isAdmin = true THEN []
          ELSE [path = (role)-[:CAN_ASSUME|CAN_ESCALATE*1..3]->(x)
                WHERE x.isAdmin = true OR last(relationships(path)).grantsAdmin = true
                | path] END AS chains
WITH i, r, role,
     head([c IN chains WHERE length(c) = reduce(m = 4, p IN chains |
       CASE WHEN length(p) < m THEN length(p) ELSE m END)]) AS chain
RETURN i.id AS resource,
       i.account AS account,
       i.region AS region,
       {state: i.state, instanceProfile: i.instanceProfileArn, role: role.id,
        adminStatus: role.adminStatus,
        escalation: CASE WHEN chain IS NULL THEN [] ELSE
          [rel IN relationships(chain) | {type: type(rel), technique: rel.technique,
            from: startNode(rel).id, to: endNode(rel).id, conditional: rel.conditional}] END,
        reached: r IS NOT NULL, ports: r.ports, exposure: r.exposure} AS evidence

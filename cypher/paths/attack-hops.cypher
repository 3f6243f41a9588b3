// Every hop of the attack graph, from the derived edges: the internet reaching resources, code on
// compute taking its role's credentials, role assumption, escalation, and data access (public
// access from the Internet node included). `kind` names the risk model's likelihood.
CALL () {
  MATCH (i:Internet)-[r:REACHES]->(n)
  RETURN i.id AS from, n.id AS to, 'reach' AS kind, 'network.Reach' AS technique,
         false AS conditional, false AS grantsAdmin, r.ports AS detail
  UNION ALL
  // An instance whose metadata endpoint is off gives its role to no one on it.
  MATCH (w:AWSEC2Instance)-[:HAS_INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:HAS_ROLE]->(r:AWSRole)
  WHERE coalesce(w.imdsHttpEndpoint, 'enabled') <> 'disabled'
  RETURN w.id AS from, r.id AS to,
         CASE WHEN w.imdsHttpTokens = 'optional' THEN 'runsAsImdsV1' ELSE 'runsAs' END AS kind,
         'aws.ec2.InstanceRoleCredentials' AS technique, false AS conditional,
         false AS grantsAdmin, null AS detail
  UNION ALL
  MATCH (w)-[:RUNS_AS]->(r:AWSRole)
  RETURN w.id AS from, r.id AS to, 'runsAs' AS kind, 'aws.compute.RunsAs' AS technique,
         false AS conditional, false AS grantsAdmin, null AS detail
  UNION ALL
  MATCH (a)-[e:CAN_ASSUME]->(b)
  RETURN a.id AS from, b.id AS to, 'assume' AS kind, e.technique AS technique,
         e.conditional AS conditional, false AS grantsAdmin, null AS detail
  UNION ALL
  MATCH (a)-[e:CAN_ESCALATE]->(b)
  RETURN a.id AS from, b.id AS to, 'escalate' AS kind, e.technique AS technique,
         e.conditional AS conditional, e.grantsAdmin AS grantsAdmin, null AS detail
  UNION ALL
  MATCH (a)-[e:CAN_ACCESS]->(s)
  RETURN a.id AS from, s.id AS to,
         CASE WHEN a:Internet THEN 'publicAccess' ELSE 'access' END AS kind,
         'data.Access' AS technique, e.conditional AS conditional, false AS grantsAdmin,
         e.levels AS detail
}
RETURN from, to, kind, technique, coalesce(conditional, false) AS conditional,
       coalesce(grantsAdmin, false) AS grantsAdmin, detail

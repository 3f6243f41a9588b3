// Publicly accessible RDS instances: a public address in the subnets of their DB subnet group,
// behind their VPC security groups, listening on one port.
MATCH (d:AWSRdsInstance)
WHERE d.stub = false AND d.publiclyAccessible = true AND d.endpointPort IS NOT NULL
  AND coalesce(d.status, 'available') <> 'stopped'
OPTIONAL MATCH (d)-[:IN_SUBNET]->(s:AWSSubnet)
OPTIONAL MATCH (d)-[:HAS_SECURITY_GROUP]->(g:AWSSecurityGroup)
RETURN d.id AS owner, collect(DISTINCT s.id) AS subnets, collect(DISTINCT g.id) AS groups,
       d.endpointPort AS port

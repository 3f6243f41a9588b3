// Running instances with every subnet and security group of theirs and of their interfaces
// (load balancer targets), and whether an interface of theirs was described at all: one that
// was not is reached through the instance's own addresses.
MATCH (i:AWSEC2Instance)
WHERE i.stub = false AND coalesce(i.state, 'running') = 'running'
OPTIONAL MATCH (i)-[:HAS_INTERFACE]->(n:AWSNetworkInterface)
WITH i, collect(n) AS interfaces
CALL (i, interfaces) {
  UNWIND [i] + interfaces AS x
  OPTIONAL MATCH (x)-[:IN_SUBNET]->(s:AWSSubnet)
  OPTIONAL MATCH (x)-[:HAS_SECURITY_GROUP]->(g:AWSSecurityGroup)
  RETURN collect(DISTINCT s.id) AS subnets, collect(DISTINCT g.id) AS groups
}
RETURN i.id AS id,
       subnets,
       groups,
       size([n IN interfaces WHERE n.stub = false]) > 0 AS described,
       i.publicIp IS NOT NULL AS hasPublicIpv4,
       size(coalesce(i.ipv6Addresses, [])) > 0 AS hasIpv6

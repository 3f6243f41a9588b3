// Subnets with the route table they use (an explicit association before the main table) and
// their network ACL, for reachability.
MATCH (s:AWSSubnet)
WHERE s.stub = false
OPTIONAL MATCH (s)-[:IN_VPC]->(v:AWSVpc)
CALL (s) {
  OPTIONAL MATCH (rt:AWSRouteTable)-[r:ROUTES_FOR]->(s)
  RETURN rt ORDER BY r.implicit LIMIT 1
}
CALL (s) {
  OPTIONAL MATCH (acl:AWSNetworkAcl)-[:FILTERS]->(s)
  RETURN acl LIMIT 1
}
RETURN s.id AS id,
       coalesce(v.id, s.vpcId) AS vpc,
       [c IN [s.cidrBlock] + coalesce(s.ipv6CidrBlocks, []) WHERE c IS NOT NULL] AS cidrs,
       rt.id AS routeTableId,
       rt.routes AS routes,
       acl.id AS naclId,
       acl.entries AS entries

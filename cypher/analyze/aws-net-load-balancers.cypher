// Load balancers with their subnets, security groups, listeners and targets: instances behind
// their target groups (ELBv2) or registered directly (classic).
MATCH (lb:AWSLoadBalancer)
WHERE lb.stub = false
CALL (lb) {
  OPTIONAL MATCH (lb)-[:IN_SUBNET]->(s:AWSSubnet)
  RETURN collect(DISTINCT s.id) AS subnets
}
CALL (lb) {
  OPTIONAL MATCH (lb)-[:HAS_SECURITY_GROUP]->(g:AWSSecurityGroup)
  RETURN collect(DISTINCT g.id) AS groups
}
CALL (lb) {
  OPTIONAL MATCH (lb)-[:FORWARDS_TO]->(tg:AWSTargetGroup)-[h:HAS_TARGET]->(i:AWSEC2Instance)
  WITH tg, h, i WHERE i IS NOT NULL
  RETURN collect(DISTINCT {via: tg.id, instance: i.id, port: h.port}) AS grouped
}
CALL (lb) {
  OPTIONAL MATCH (lb)-[h:HAS_TARGET]->(i:AWSEC2Instance)
  WITH h, i WHERE i IS NOT NULL
  RETURN collect({via: lb.id, instance: i.id, port: h.port}) AS direct
}
RETURN lb.id AS id,
       lb.kind AS kind,
       lb.scheme AS scheme,
       lb.ipAddressType AS ipAddressType,
       subnets,
       groups,
       lb.listeners AS listeners,
       grouped + direct AS targets

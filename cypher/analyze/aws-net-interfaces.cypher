// Network interfaces that could take traffic themselves: those of running instances (the
// instance owns the exposure) and stand-alone ones; interfaces AWS services manage for load
// balancers, databases or functions are reached through those resources instead.
MATCH (n:AWSNetworkInterface)
WHERE n.stub = false
OPTIONAL MATCH (i:AWSEC2Instance)-[:HAS_INTERFACE]->(n)
WITH n, i
WHERE (i IS NOT NULL AND coalesce(i.state, 'running') = 'running')
   OR (i IS NULL AND n.attachedTo IS NULL AND coalesce(n.requesterManaged, false) = false
       AND coalesce(n.interfaceType, 'interface') = 'interface')
OPTIONAL MATCH (n)-[:IN_SUBNET]->(s:AWSSubnet)
OPTIONAL MATCH (n)-[:HAS_SECURITY_GROUP]->(g:AWSSecurityGroup)
RETURN coalesce(i.id, n.id) AS owner,
       collect(DISTINCT s.id) AS subnets,
       collect(DISTINCT g.id) AS groups,
       size(coalesce(n.publicIps, [])) > 0 AS hasPublicIpv4,
       size(coalesce(n.ipv6Addresses, [])) > 0 AS hasIpv6

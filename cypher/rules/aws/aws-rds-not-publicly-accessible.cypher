// aws-rds-not-publicly-accessible: every loaded RDS instance by publiclyAccessible, with its
// subnets as context (a public endpoint is reachable only where a subnet routes to the internet).
MATCH (d:AWSRdsInstance)
WHERE coalesce(d.stub, false) = false
RETURN d.id AS resource, d.account AS account, d.region AS region,
       CASE d.publiclyAccessible WHEN false THEN 'PASS' WHEN true THEN 'FAIL' ELSE 'NOT_APPLICABLE' END AS status,
       {name: d.name, publiclyAccessible: d.publiclyAccessible, endpointAddress: d.endpointAddress,
        subnets: COLLECT { MATCH (d)-[:IN_SUBNET]->(s:AWSSubnet) RETURN s.id }} AS evidence,
       CASE d.publiclyAccessible
         WHEN false THEN null
         WHEN true THEN d.name + ' has a publicly resolvable endpoint'
         ELSE 'publiclyAccessible was not collected'
       END AS message

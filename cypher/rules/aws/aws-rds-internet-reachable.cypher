// aws-rds-internet-reachable: every RDS instance with what the Internet REACHES on it. A public
// endpoint alone is not enough to be reached: the analysis already checked the DB subnets'
// routes to an internet gateway, their network ACLs and the instance's security groups.
MATCH (d:AWSRdsInstance)
WHERE coalesce(d.stub, false) = false
OPTIONAL MATCH (:Internet)-[r:REACHES]->(d)
RETURN d.id AS resource,
       d.account AS account,
       d.region AS region,
       {engine: d.engine, status: d.status, publiclyAccessible: d.publiclyAccessible,
        endpointPort: d.endpointPort, reached: r IS NOT NULL, ports: r.ports,
        exposure: r.exposure} AS evidence

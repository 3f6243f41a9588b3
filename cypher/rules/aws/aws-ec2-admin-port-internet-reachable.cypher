// aws-ec2-admin-port-internet-reachable: every EC2 instance with what the Internet REACHES on it
// (routes, network ACLs both ways and security groups already applied by the analysis), so the
// evaluator can tell whether SSH or RDP is among the ports strangers actually get to.
MATCH (i:AWSEC2Instance)
WHERE coalesce(i.stub, false) = false
OPTIONAL MATCH (:Internet)-[r:REACHES]->(i)
RETURN i.id AS resource,
       i.account AS account,
       i.region AS region,
       {state: i.state, publicIp: i.publicIp, platform: i.platform,
        reached: r IS NOT NULL, ports: r.ports, exposure: r.exposure} AS evidence

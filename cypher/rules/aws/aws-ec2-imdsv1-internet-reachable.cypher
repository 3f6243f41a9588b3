// aws-ec2-imdsv1-internet-reachable: every EC2 instance with what the Internet REACHES on it,
// its metadata service settings and its instance role, because an SSRF bug on a reachable host
// that still answers IMDSv1 hands the role's credentials to whoever sends the request.
MATCH (i:AWSEC2Instance)
WHERE coalesce(i.stub, false) = false
OPTIONAL MATCH (:Internet)-[r:REACHES]->(i)
OPTIONAL MATCH (i)-[:HAS_INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:HAS_ROLE]->(role:AWSRole)
WITH i, r, collect(role.id)[0] AS role
RETURN i.id AS resource,
       i.account AS account,
       i.region AS region,
       {state: i.state, imdsHttpTokens: i.imdsHttpTokens, imdsHttpEndpoint: i.imdsHttpEndpoint,
        instanceProfile: i.instanceProfileArn, role: role,
        reached: r IS NOT NULL, ports: r.ports, exposure: r.exposure} AS evidence

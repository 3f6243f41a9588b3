// aws-sg-admin-ports-ipv4: every loaded security group with its inbound rules (JSON text); the
// evaluator decides whether they open admin ports to the whole ipv4 address space.
MATCH (g:AWSSecurityGroup)
WHERE coalesce(g.stub, false) = false
RETURN g.id AS resource, g.account AS account, g.region AS region,
       {groupId: g.groupId, groupName: g.groupName, vpcId: g.vpcId, ingress: g.ingress} AS evidence

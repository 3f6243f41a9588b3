// aws-sg-cifs-port: every loaded security group with its inbound rules (JSON text); the
// evaluator decides whether they open SMB/CIFS (445) to 0.0.0.0/0 or ::/0.
MATCH (g:AWSSecurityGroup)
WHERE coalesce(g.stub, false) = false
RETURN g.id AS resource, g.account AS account, g.region AS region,
       {groupId: g.groupId, groupName: g.groupName, vpcId: g.vpcId, ingress: g.ingress} AS evidence

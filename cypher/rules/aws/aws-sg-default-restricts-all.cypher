// aws-sg-default-restricts-all: every VPC's group named `default` with its rules (JSON text); it
// should carry none, so that resources placed in it by default get no traffic.
MATCH (g:AWSSecurityGroup)
WHERE coalesce(g.stub, false) = false AND g.groupName = 'default'
RETURN g.id AS resource, g.account AS account, g.region AS region,
       {groupId: g.groupId, vpcId: g.vpcId, ingress: g.ingress, egress: g.egress} AS evidence

// aws-nacl-admin-ports: every loaded network ACL with its entries (JSON text); the evaluator
// replays inbound entries in rule-number order to see whether the world reaches admin ports.
MATCH (n:AWSNetworkAcl)
WHERE coalesce(n.stub, false) = false
RETURN n.id AS resource, n.account AS account, n.region AS region,
       {networkAclId: n.networkAclId, vpcId: n.vpcId, entries: n.entries} AS evidence

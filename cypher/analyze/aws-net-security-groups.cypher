// Security groups with their inbound rules (JSON text, as loaded).
MATCH (g:AWSSecurityGroup)
WHERE g.stub = false
RETURN g.id AS id, g.groupId AS groupId, g.ingress AS ingress

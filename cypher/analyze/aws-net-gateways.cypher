// Internet gateways (and egress-only ones) with the VPCs they are attached to.
MATCH (g:AWSInternetGateway)
WHERE g.stub = false
OPTIONAL MATCH (g)-[:IN_VPC]->(v:AWSVpc)
RETURN g.id AS id, g.gatewayId AS gatewayId, g.egressOnly AS egressOnly, collect(v.id) AS vpcs

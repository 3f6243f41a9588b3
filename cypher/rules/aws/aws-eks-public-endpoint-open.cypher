// aws-eks-public-endpoint-open: every EKS cluster with its API endpoint access settings, because
// a public endpoint open to 0.0.0.0/0 lets anyone on the internet try stolen tokens, credential
// stuffing and API server bugs against the control plane.
MATCH (c:AWSEksCluster)
WHERE coalesce(c.stub, false) = false
WITH c, [cidr IN coalesce(c.publicAccessCidrs, []) WHERE cidr IN ['0.0.0.0/0', '::/0']] AS open
RETURN c.id AS resource,
       c.account AS account,
       c.region AS region,
       CASE WHEN c.endpointPublicAccess = false THEN 'PASS'
            WHEN c.endpointPublicAccess IS NULL OR c.publicAccessCidrs IS NULL THEN 'NOT_APPLICABLE'
            WHEN size(open) > 0 THEN 'FAIL'
            ELSE 'PASS' END AS status,
       {endpointPublicAccess: c.endpointPublicAccess, endpointPrivateAccess: c.endpointPrivateAccess,
        publicAccessCidrs: c.publicAccessCidrs, endpoint: c.endpoint} AS evidence,
       CASE WHEN c.endpointPublicAccess = false THEN 'the API endpoint is private only'
            WHEN c.endpointPublicAccess IS NULL THEN 'endpoint access settings were not collected'
            WHEN c.publicAccessCidrs IS NULL THEN 'public access CIDRs were not collected'
            WHEN size(open) > 0 THEN 'public API endpoint open to ' + open[0]
            ELSE 'public API endpoint limited to ' + toString(size(c.publicAccessCidrs)) + ' CIDR block(s)'
       END AS message

// The organization of every loaded AWS account that reports one, for aws:PrincipalOrgID.
MATCH (a:AWSAccount)
WHERE a.organizationId IS NOT NULL
RETURN a.id AS account, a.organizationId AS orgId
ORDER BY account

// aws-iam-cross-account-trust-no-external-id: every role whose trust names an AWS principal, with
// its account's organization and the organization's accounts the trust text mentions (a CONTAINS
// pre-filter that keeps the list short). The evaluator parses the trust: an outside account's
// root trusted without an sts:ExternalId condition fails.
MATCH (r:AWSRole)
WHERE coalesce(r.stub, false) = false AND r.trustPolicy IS NOT NULL
WITH r, split(r.id, ':')[4] AS account
OPTIONAL MATCH (home:AWSAccount {id: account})
WITH r, account, home.organizationId AS organizationId
RETURN r.id AS resource,
       account,
       'global' AS region,
       {trustPolicy: r.trustPolicy,
        organizationId: organizationId,
        orgAccounts: CASE WHEN organizationId IS NULL THEN [] ELSE COLLECT {
          MATCH (member:AWSAccount {organizationId: organizationId})
          WHERE r.trustPolicy CONTAINS member.id
          RETURN member.id
        } END} AS evidence

// aws-iam-trust-outside-org: every role with a trust policy, with its account's organization and
// the organization's accounts the trust text mentions (a CONTAINS pre-filter that only keeps the
// list short; the evaluator parses the trust and decides which principals are outside).
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

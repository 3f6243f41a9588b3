// aws-iam-oidc-github-no-repo-condition: roles whose trust mentions GitHub Actions' OIDC issuer
// (a text pre-filter; the evaluator parses the trust, finds the statements that really trust it
// and checks their `sub` conditions).
MATCH (r:AWSRole)
WHERE coalesce(r.stub, false) = false
  AND r.trustPolicy CONTAINS 'token.actions.githubusercontent.com'
RETURN r.id AS resource,
       split(r.id, ':')[4] AS account,
       'global' AS region,
       {trustPolicy: r.trustPolicy} AS evidence

// aws-iam-trust-any-principal: every role with a trust policy. Principal "*", {"AWS": "*"} and
// NotPrincipal have several spellings, and whether a condition limits them depends on its
// operator and values, so the evaluator parses the trust and decides.
MATCH (r:AWSRole)
WHERE coalesce(r.stub, false) = false AND r.trustPolicy IS NOT NULL
RETURN r.id AS resource,
       split(r.id, ':')[4] AS account,
       'global' AS region,
       {trustPolicy: r.trustPolicy} AS evidence

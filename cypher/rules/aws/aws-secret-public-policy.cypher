// aws-secret-public-policy: every Secrets Manager secret with the Internet's CAN_ACCESS edges
// to it, which the analysis draws when the secret's resource policy admits `*` (any AWS
// account) after every deny and condition; the evaluator fails the secrets strangers can read
// or change outright. Whether the policy text could be read is passed along for the rest.
MATCH (secret:AWSSecret)
WHERE coalesce(secret.stub, false) = false
OPTIONAL MATCH (:Internet)-[a:CAN_ACCESS]->(secret)
WITH secret, collect(a {.audience, .levels, .conditionalLevels, .actions, .pending, .evidence}) AS grants
RETURN secret.id AS resource,
       secret.account AS account,
       secret.region AS region,
       {grants: grants,
        policyUnreadable: secret.policy IS NOT NULL AND secret.policy STARTS WITH '"'} AS evidence

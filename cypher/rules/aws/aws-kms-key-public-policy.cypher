// aws-kms-key-public-policy: every KMS key with the Internet's CAN_ACCESS edges to it, which
// the analysis draws when the key policy admits `*` (any AWS account) after every deny and
// condition; the evaluator fails the keys strangers can use or manage outright, while a grant
// held back by a condition Cairn cannot check (source VPC, caller account) passes.
MATCH (key:AWSKmsKey)
WHERE coalesce(key.stub, false) = false
OPTIONAL MATCH (:Internet)-[a:CAN_ACCESS]->(key)
WITH key, collect(a {.audience, .levels, .conditionalLevels, .actions, .pending, .evidence}) AS grants
RETURN key.id AS resource,
       key.account AS account,
       key.region AS region,
       {grants: grants,
        policyUnreadable: key.policy IS NOT NULL AND key.policy STARTS WITH '"'} AS evidence

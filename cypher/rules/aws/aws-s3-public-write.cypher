// aws-s3-public-write: every S3 bucket with the Internet's CAN_ACCESS edges to it (one per
// audience: anyone, or any AWS account). The analysis derived them after every deny, Block
// Public Access setting and ACL rule; the evaluator fails the buckets strangers can write to,
// or whose permissions they can change, outright (planting malware, ransom, defacement).
MATCH (bucket:AWSS3Bucket)
WHERE coalesce(bucket.stub, false) = false
OPTIONAL MATCH (:Internet)-[a:CAN_ACCESS]->(bucket)
WITH bucket, collect(a {.audience, .levels, .conditionalLevels, .actions, .pending, .evidence}) AS grants
RETURN bucket.id AS resource,
       bucket.account AS account,
       bucket.region AS region,
       {grants: grants,
        policyUnreadable: bucket.policy IS NOT NULL AND bucket.policy STARTS WITH '"'} AS evidence

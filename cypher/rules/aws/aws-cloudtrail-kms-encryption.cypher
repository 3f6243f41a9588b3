// aws-cloudtrail-kms-encryption: every loaded trail by kmsKeyId; without a KMS key, delivered
// logs are readable by anyone who can read the bucket.
MATCH (t:AWSCloudTrail)
WHERE coalesce(t.stub, false) = false
RETURN t.id AS resource, t.account AS account, t.region AS region,
       CASE WHEN t.kmsKeyId IS NOT NULL AND t.kmsKeyId <> '' THEN 'PASS' ELSE 'FAIL' END AS status,
       {name: t.name, kmsKeyId: t.kmsKeyId,
        key: COLLECT { MATCH (t)-[:ENCRYPTED_WITH]->(k:AWSKmsKey) RETURN k.id }[0]} AS evidence,
       CASE WHEN t.kmsKeyId IS NOT NULL AND t.kmsKeyId <> '' THEN null
            ELSE 'logs of ' + t.name + ' are not encrypted with a KMS key' END AS message

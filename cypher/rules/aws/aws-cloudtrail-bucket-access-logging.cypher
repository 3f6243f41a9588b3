// aws-cloudtrail-bucket-access-logging: every loaded trail with the bucket it delivers to; the
// bucket must have server access logging. A bucket not loaded (another account, not scanned) is
// not decided.
MATCH (t:AWSCloudTrail)
WHERE coalesce(t.stub, false) = false
OPTIONAL MATCH (b:AWSS3Bucket {name: t.s3BucketName})
WHERE coalesce(b.stub, false) = false
RETURN t.id AS resource, t.account AS account, t.region AS region,
       CASE
         WHEN b IS NULL THEN 'NOT_APPLICABLE'
         WHEN b.loggingTargetBucket IS NOT NULL THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {name: t.name, s3BucketName: t.s3BucketName, bucket: b.id,
        loggingTargetBucket: b.loggingTargetBucket} AS evidence,
       CASE
         WHEN t.s3BucketName IS NULL THEN 'the trail names no S3 bucket'
         WHEN b IS NULL THEN 'bucket ' + t.s3BucketName + ' is not in the graph (not scanned, or another account)'
         WHEN b.loggingTargetBucket IS NOT NULL THEN null
         ELSE 'bucket ' + t.s3BucketName + ' has no server access logging'
       END AS message

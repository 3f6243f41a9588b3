// aws-s3-mfa-delete: every loaded bucket; MFA Delete only exists on versioned buckets, so both
// versioning Enabled and mfaDelete true are needed. Unread versioning (a denied call) is not a FAIL.
CALL {
  MATCH (g:CoverageGap)
  WHERE g.service = 's3' AND g.operation = 'GetBucketVersioning'
  RETURN collect(g.scope) AS versioningGaps
}
MATCH (b:AWSS3Bucket)
WHERE coalesce(b.stub, false) = false
WITH b, b.versioning IS NULL AND b.scope IN versioningGaps AS unread
RETURN b.id AS resource, b.account AS account, b.region AS region,
       CASE
         WHEN unread THEN 'NOT_APPLICABLE'
         WHEN b.versioning = 'Enabled' AND b.mfaDelete = true THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {versioning: b.versioning, mfaDelete: b.mfaDelete} AS evidence,
       CASE
         WHEN unread THEN 'versioning could not be read (access denied)'
         WHEN b.versioning = 'Enabled' AND b.mfaDelete = true THEN null
         WHEN coalesce(b.versioning, 'never enabled') <> 'Enabled'
           THEN 'versioning is ' + coalesce(b.versioning, 'never enabled') + ', so MFA Delete cannot be on'
         ELSE 'versioning is Enabled but MFA Delete is off'
       END AS message

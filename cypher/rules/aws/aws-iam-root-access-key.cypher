// aws-iam-root-access-key: every account's root user (from the credential report), failing while
// either root access key is active: root keys cannot be scoped down by any policy.
MATCH (r:AWSRootUser)
WHERE coalesce(r.stub, false) = false
WITH r, [k IN [r.accessKey1Active, r.accessKey2Active] WHERE k = true] AS active
RETURN r.id AS resource,
       r.account AS account,
       'global' AS region,
       CASE
         WHEN size(active) > 0 THEN 'FAIL'
         WHEN r.accessKey1Active IS NULL OR r.accessKey2Active IS NULL THEN 'NOT_APPLICABLE'
         ELSE 'PASS'
       END AS status,
       {accessKey1Active: r.accessKey1Active, accessKey2Active: r.accessKey2Active} AS evidence,
       CASE
         WHEN size(active) > 0 THEN 'the root user has ' + toString(size(active)) + ' active access key(s)'
         WHEN r.accessKey1Active IS NULL OR r.accessKey2Active IS NULL
           THEN 'the credential report does not say whether root access keys are active'
         ELSE 'the root user has no active access key'
       END AS message

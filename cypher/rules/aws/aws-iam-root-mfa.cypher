// aws-iam-root-mfa: every account's root user, failing without an active MFA device. A root user
// with no password and no active key (e.g. root credentials removed through Organizations
// centralised root access) has nothing to protect and is NOT_APPLICABLE.
MATCH (r:AWSRootUser)
WHERE coalesce(r.stub, false) = false
WITH r,
     r.passwordEnabled = false AND r.accessKey1Active = false AND r.accessKey2Active = false
       AS noCredentials
RETURN r.id AS resource,
       r.account AS account,
       'global' AS region,
       CASE
         WHEN noCredentials THEN 'NOT_APPLICABLE'
         WHEN r.mfaActive = true THEN 'PASS'
         WHEN r.mfaActive = false THEN 'FAIL'
         ELSE 'NOT_APPLICABLE'
       END AS status,
       {mfaActive: r.mfaActive, passwordEnabled: r.passwordEnabled,
        accessKey1Active: r.accessKey1Active, accessKey2Active: r.accessKey2Active} AS evidence,
       CASE
         WHEN noCredentials THEN 'the root user has no password and no active access key'
         WHEN r.mfaActive = true THEN 'the root user has an active MFA device'
         WHEN r.mfaActive = false THEN 'the root user has no active MFA device'
         ELSE 'the credential report does not say whether root MFA is active'
       END AS message

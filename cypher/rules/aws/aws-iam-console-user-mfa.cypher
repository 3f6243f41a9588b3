// aws-iam-console-user-mfa: every IAM user, failing when it has a console password but no active
// MFA device (a phished or guessed password is then enough to sign in). Users without a console
// password are NOT_APPLICABLE; so are users the credential report did not describe.
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE
         WHEN u.hasConsolePassword = false THEN 'NOT_APPLICABLE'
         WHEN u.hasConsolePassword IS NULL OR u.mfaActive IS NULL THEN 'NOT_APPLICABLE'
         WHEN u.mfaActive = true THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {hasConsolePassword: u.hasConsolePassword, mfaActive: u.mfaActive} AS evidence,
       CASE
         WHEN u.hasConsolePassword = false THEN 'the user has no console password'
         WHEN u.hasConsolePassword IS NULL OR u.mfaActive IS NULL
           THEN 'the credential report was not collected for this user'
         WHEN u.mfaActive = true THEN 'console password protected by an active MFA device'
         ELSE 'console password without an active MFA device'
       END AS message

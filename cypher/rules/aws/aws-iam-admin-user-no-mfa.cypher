// aws-iam-admin-user-no-mfa: every admin-equivalent IAM user (isAdmin, written by `cairn analyze`):
// a console password without an active MFA device fails, since one phished password is then the
// whole account. Users the credential report did not cover are NOT_APPLICABLE.
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false AND u.isAdmin = true
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE
         WHEN u.hasConsolePassword IS NULL THEN 'NOT_APPLICABLE'
         WHEN u.hasConsolePassword = false THEN 'PASS'
         WHEN u.mfaActive = true THEN 'PASS'
         WHEN u.mfaActive = false THEN 'FAIL'
         ELSE 'NOT_APPLICABLE'
       END AS status,
       {isAdmin: u.isAdmin, hasConsolePassword: u.hasConsolePassword, mfaActive: u.mfaActive,
        passwordLastUsed: u.passwordLastUsed} AS evidence,
       CASE
         WHEN u.hasConsolePassword IS NULL THEN 'the credential report was not collected for this user'
         WHEN u.hasConsolePassword = false THEN 'admin-equivalent user without a console password'
         WHEN u.mfaActive = true THEN 'admin-equivalent console user with an active MFA device'
         WHEN u.mfaActive = false THEN 'admin-equivalent user with a console password and no MFA'
         ELSE 'the credential report does not say whether MFA is active'
       END AS message

// aws-iam-password-reuse: every AWS account whose own scope (aws:<account>) is loaded,
// failing when its IAM password policy remembers fewer than $params.reusePrevention previous
// passwords (unset: none) or it has no policy at all (AWS then blocks no reuse). The account is
// found through its COMPLETE CairnScope, not AWSAccount.stub (the IAM scope writes its account
// as a stub; only Organizations data describes it) nor IN_ACCOUNT (an account without users or
// roles has none).
// A policy that was never read is not a missing policy: a denied GetAccountPasswordPolicy, a
// failed AssumeRole, or a load from `import aws-authz` (that dump has no password policy) make
// the account NOT_APPLICABLE.
MATCH (s:CairnScope)
WHERE s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}'
WITH s, substring(s.id, 4) AS account, coalesce($params.reusePrevention, 24) AS required
OPTIONAL MATCH (scan:CairnScan {id: s.currentScanId})
OPTIONAL MATCH (:AWSAccount {id: account})-[:HAS_PASSWORD_POLICY]->(p:AWSPasswordPolicy)
WHERE coalesce(p.stub, false) = false
OPTIONAL MATCH (gap:CoverageGap)
WHERE gap.id IN [s.id + '/gap/iam:GetAccountPasswordPolicy@global',
                 s.id + '/gap/sts:AssumeRole@global']
WITH account, required, p, scan.source AS source, collect(gap.id) AS gaps
WITH account, required, p, gaps,
     CASE
       WHEN size(gaps) > 0 THEN 'the password policy could not be read (' + gaps[0] + ')'
       WHEN source = 'import aws-authz' THEN 'loaded from an authorization dump, which has no password policy'
     END AS unknown
RETURN account AS resource,
       account,
       'global' AS region,
       CASE
         WHEN p IS NULL AND unknown IS NOT NULL THEN 'NOT_APPLICABLE'
         WHEN p IS NULL THEN 'FAIL'
         WHEN coalesce(p.passwordReusePrevention, 0) >= required THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {passwordPolicy: p.id, passwordReusePrevention: p.passwordReusePrevention,
        required: required, gaps: gaps} AS evidence,
       CASE
         WHEN p IS NULL AND unknown IS NOT NULL THEN unknown
         WHEN p IS NULL THEN 'the account has no IAM password policy, so any old password may be reused'
         WHEN p.passwordReusePrevention IS NULL THEN 'the password policy does not prevent reuse; ' + toString(required) + ' required'
         ELSE 'passwordReusePrevention is ' + toString(p.passwordReusePrevention) + '; ' + toString(required) + ' required'
       END AS message

// aws-iam-cloudshell-full-access: every AWS account whose own scope (aws:<account>) is loaded
// (through its COMPLETE CairnScope, as AWSAccount is a stub in its IAM scope), failing when a
// user, group or role of the account has the AWS managed AWSCloudShellFullAccess policy: a
// CloudShell session can upload and download files, a way to move data past other controls.
// Other policies that grant cloudshell:* are not this rule's question. One finding per account,
// with every holder in the evidence, rather than one PASS per principal.
MATCH (s:CairnScope)
WHERE s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}'
WITH s, substring(s.id, 4) AS account
OPTIONAL MATCH (gap:CoverageGap)
WHERE gap.id IN [s.id + '/gap/iam:GetAccountAuthorizationDetails@global',
                 s.id + '/gap/sts:AssumeRole@global']
WITH account, collect(gap.id) AS gaps
CALL (account) {
  OPTIONAL MATCH (:AWSAccount {id: account})<-[:IN_ACCOUNT]-(holder)-[:HAS_POLICY]->(m:AWSManagedPolicy)
  WHERE m.id ENDS WITH ':iam::aws:policy/AWSCloudShellFullAccess'
    AND coalesce(holder.stub, false) = false
  RETURN collect(holder.id) AS holders
}
RETURN account AS resource,
       account,
       'global' AS region,
       CASE
         WHEN size(holders) > 0 THEN 'FAIL'
         WHEN size(gaps) > 0 THEN 'NOT_APPLICABLE'
         ELSE 'PASS'
       END AS status,
       {holders: holders[0..20], holderCount: size(holders), gaps: gaps} AS evidence,
       CASE
         WHEN size(holders) > 0 THEN 'AWSCloudShellFullAccess is attached to ' + holders[0] +
              CASE WHEN size(holders) > 1 THEN ' and ' + toString(size(holders) - 1) + ' more' ELSE '' END
         WHEN size(gaps) > 0 THEN 'IAM could not be read (' + gaps[0] + ')'
         ELSE 'no user, group or role has AWSCloudShellFullAccess'
       END AS message

// aws-iam-support-role: every AWS account whose own scope (aws:<account>) is loaded (through its
// COMPLETE CairnScope: the IAM scope writes AWSAccount as a stub, so stub says nothing), passing
// when a user, group or role of the account has the AWS managed AWSSupportAccess policy, so
// incidents can be raised with AWS Support without using root. An account whose IAM could not
// be read (a denied GetAccountAuthorizationDetails or failed AssumeRole) is NOT_APPLICABLE.
MATCH (s:CairnScope)
WHERE s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}'
WITH s, substring(s.id, 4) AS account
OPTIONAL MATCH (gap:CoverageGap)
WHERE gap.id IN [s.id + '/gap/iam:GetAccountAuthorizationDetails@global',
                 s.id + '/gap/sts:AssumeRole@global']
WITH account, collect(gap.id) AS gaps
CALL (account) {
  OPTIONAL MATCH (:AWSAccount {id: account})<-[:IN_ACCOUNT]-(holder)-[:HAS_POLICY]->(m:AWSManagedPolicy)
  WHERE m.id ENDS WITH ':iam::aws:policy/AWSSupportAccess'
    AND coalesce(holder.stub, false) = false
  RETURN collect(holder.id) AS holders
}
RETURN account AS resource,
       account,
       'global' AS region,
       CASE
         WHEN size(holders) > 0 THEN 'PASS'
         WHEN size(gaps) > 0 THEN 'NOT_APPLICABLE'
         ELSE 'FAIL'
       END AS status,
       {holders: holders[0..20], gaps: gaps} AS evidence,
       CASE
         WHEN size(holders) > 0 THEN 'AWSSupportAccess is attached to ' + holders[0] +
              CASE WHEN size(holders) > 1 THEN ' and ' + toString(size(holders) - 1) + ' more' ELSE '' END
         WHEN size(gaps) > 0 THEN 'IAM could not be read (' + gaps[0] + ')'
         ELSE 'no user, group or role has AWSSupportAccess'
       END AS message

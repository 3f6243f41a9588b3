// aws-s3-deny-http: every loaded bucket with its policy text; the evaluator parses the policy,
// because whether a Deny covers plain HTTP depends on its principal, actions, resources and condition.
CALL {
  MATCH (g:CoverageGap)
  WHERE g.service = 's3' AND g.operation = 'GetBucketPolicy'
  RETURN collect(g.scope) AS policyGaps
}
MATCH (b:AWSS3Bucket)
WHERE coalesce(b.stub, false) = false
RETURN b.id AS resource, b.account AS account, b.region AS region,
       {bucket: b.name, policy: b.policy, policyUnread: b.scope IN policyGaps} AS evidence

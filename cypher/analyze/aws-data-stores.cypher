// Data stores whose access the analysis derives: S3 buckets (policy, public access blocks, ACL,
// object ownership), secrets and KMS keys (resource policy), RDS instances with IAM database
// authentication (their resource id names their users), and public EBS snapshots and AMIs.
// A bucket's policyIsPublic is S3's own verdict (GetBucketPolicyStatus), when collected.
// JSON properties come back as the stored text. Stubs are skipped.
CALL {
  MATCH (n:AWSS3Bucket)
  WHERE n.stub = false
  RETURN n.id AS id, 's3-bucket' AS kind, n.account AS account, n.region AS region,
         n.policy AS policy, n.publicAccessBlock AS publicAccessBlock,
         n.accountPublicAccessBlock AS accountPublicAccessBlock, n.aclGrants AS aclGrants,
         n.objectOwnership AS objectOwnership, null AS resourceId,
         n.policyIsPublic AS policyIsPublic
  UNION ALL
  MATCH (n:AWSSecret)
  WHERE n.stub = false
  RETURN n.id AS id, 'secret' AS kind, n.account AS account, n.region AS region,
         n.policy AS policy, null AS publicAccessBlock, null AS accountPublicAccessBlock,
         null AS aclGrants, null AS objectOwnership, null AS resourceId,
         null AS policyIsPublic
  UNION ALL
  MATCH (n:AWSKmsKey)
  WHERE n.stub = false
  RETURN n.id AS id, 'kms-key' AS kind, n.account AS account, n.region AS region,
         n.policy AS policy, null AS publicAccessBlock, null AS accountPublicAccessBlock,
         null AS aclGrants, null AS objectOwnership, null AS resourceId,
         null AS policyIsPublic
  UNION ALL
  MATCH (n:AWSRdsInstance)
  WHERE n.stub = false AND n.iamDatabaseAuthentication = true
  RETURN n.id AS id, 'rds-db' AS kind, n.account AS account, n.region AS region,
         null AS policy, null AS publicAccessBlock, null AS accountPublicAccessBlock,
         null AS aclGrants, null AS objectOwnership, n.resourceId AS resourceId,
         null AS policyIsPublic
  UNION ALL
  MATCH (n:AWSEBSSnapshot)
  WHERE n.stub = false AND n.public = true
  RETURN n.id AS id, 'ebs-snapshot' AS kind, n.account AS account, n.region AS region,
         null AS policy, null AS publicAccessBlock, null AS accountPublicAccessBlock,
         null AS aclGrants, null AS objectOwnership, null AS resourceId,
         null AS policyIsPublic
  UNION ALL
  MATCH (n:AWSAmi)
  WHERE n.stub = false AND n.public = true
  RETURN n.id AS id, 'ami' AS kind, n.account AS account, n.region AS region,
         null AS policy, null AS publicAccessBlock, null AS accountPublicAccessBlock,
         null AS aclGrants, null AS objectOwnership, null AS resourceId,
         null AS policyIsPublic
}
RETURN id, kind, account, region, policy, publicAccessBlock, accountPublicAccessBlock,
       aclGrants, objectOwnership, resourceId, policyIsPublic
ORDER BY id

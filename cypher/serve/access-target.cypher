// One data store with a resource policy, in the shape the analysis reads stores (whoCan checks
// the store's own policy, Block Public Access and public ACL grants).
MATCH (n:Entity {id: $id})
WHERE n.stub = false AND (n:AWSS3Bucket OR n:AWSSecret OR n:AWSKmsKey)
RETURN n.id AS id,
       CASE WHEN n:AWSS3Bucket THEN 's3-bucket' WHEN n:AWSSecret THEN 'secret' ELSE 'kms-key' END AS kind,
       n.account AS account, n.region AS region, n.policy AS policy,
       n.publicAccessBlock AS publicAccessBlock,
       n.accountPublicAccessBlock AS accountPublicAccessBlock, n.aclGrants AS aclGrants,
       n.objectOwnership AS objectOwnership, null AS resourceId,
       n.policyIsPublic AS policyIsPublic

// aws-ami-public: every machine image the account owns with its public flag (launchPermission
// group `all`), because anyone can then launch it and read whatever was baked into its disks.
MATCH (a:AWSAmi)
WHERE coalesce(a.stub, false) = false
RETURN a.id AS resource,
       a.account AS account,
       a.region AS region,
       CASE a.public WHEN true THEN 'FAIL' WHEN false THEN 'PASS' ELSE 'NOT_APPLICABLE' END AS status,
       {imageId: a.imageId, name: a.name, public: a.public} AS evidence,
       CASE a.public WHEN true THEN 'image ' + a.imageId + ' can be launched by any AWS account'
                     WHEN false THEN 'image ' + a.imageId + ' is not public'
                     ELSE 'whether image ' + a.imageId + ' is public was not collected' END AS message

// aws-ebs-snapshot-public: every EBS snapshot with its public flag (createVolumePermission
// group `all`), because anyone with an AWS account can then copy the disk and read its files.
MATCH (s:AWSEBSSnapshot)
WHERE coalesce(s.stub, false) = false
RETURN s.id AS resource,
       s.account AS account,
       s.region AS region,
       CASE s.public WHEN true THEN 'FAIL' WHEN false THEN 'PASS' ELSE 'NOT_APPLICABLE' END AS status,
       {snapshotId: s.snapshotId, public: s.public, encrypted: s.encrypted,
        volumeId: s.volumeId, sharedWith: s.sharedWith} AS evidence,
       CASE s.public WHEN true THEN 'snapshot ' + s.snapshotId + ' can be restored by any AWS account'
                     WHEN false THEN 'snapshot ' + s.snapshotId + ' is not public'
                     ELSE 'whether snapshot ' + s.snapshotId + ' is public was not collected' END AS message

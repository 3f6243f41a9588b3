// aws-ebs-volume-encrypted: every loaded EBS volume by its own encrypted flag (the region's
// encryption-by-default setting is not collected, so existing volumes stand in for it).
MATCH (v:AWSEBSVolume)
WHERE coalesce(v.stub, false) = false
RETURN v.id AS resource, v.account AS account, v.region AS region,
       CASE WHEN v.encrypted = true THEN 'PASS' ELSE 'FAIL' END AS status,
       {volumeId: v.volumeId, encrypted: v.encrypted, kmsKeyId: v.kmsKeyId, state: v.state} AS evidence,
       CASE WHEN v.encrypted = true THEN null ELSE v.volumeId + ' is not encrypted at rest' END AS message

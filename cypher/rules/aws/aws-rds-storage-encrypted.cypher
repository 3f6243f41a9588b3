// aws-rds-storage-encrypted: every loaded RDS instance by storageEncrypted; unset means the
// scan did not read it, which is not decided.
MATCH (d:AWSRdsInstance)
WHERE coalesce(d.stub, false) = false
RETURN d.id AS resource, d.account AS account, d.region AS region,
       CASE d.storageEncrypted WHEN true THEN 'PASS' WHEN false THEN 'FAIL' ELSE 'NOT_APPLICABLE' END AS status,
       {name: d.name, engine: d.engine, storageEncrypted: d.storageEncrypted, kmsKeyId: d.kmsKeyId} AS evidence,
       CASE d.storageEncrypted
         WHEN true THEN null
         WHEN false THEN d.name + ' stores data unencrypted'
         ELSE 'storageEncrypted was not collected'
       END AS message

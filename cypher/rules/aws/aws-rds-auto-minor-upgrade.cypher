// aws-rds-auto-minor-upgrade: every loaded RDS instance by autoMinorVersionUpgrade; unset means
// the scan did not read it, which is not decided.
MATCH (d:AWSRdsInstance)
WHERE coalesce(d.stub, false) = false
RETURN d.id AS resource, d.account AS account, d.region AS region,
       CASE d.autoMinorVersionUpgrade WHEN true THEN 'PASS' WHEN false THEN 'FAIL' ELSE 'NOT_APPLICABLE' END AS status,
       {name: d.name, engine: d.engine, engineVersion: d.engineVersion,
        autoMinorVersionUpgrade: d.autoMinorVersionUpgrade} AS evidence,
       CASE d.autoMinorVersionUpgrade
         WHEN true THEN null
         WHEN false THEN d.name + ' does not apply minor engine upgrades automatically'
         ELSE 'autoMinorVersionUpgrade was not collected'
       END AS message

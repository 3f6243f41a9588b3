// aws-cloudtrail-log-validation: every loaded trail (in its home region) by logFileValidation;
// without digest files, edited or deleted log files go unnoticed.
MATCH (t:AWSCloudTrail)
WHERE coalesce(t.stub, false) = false
RETURN t.id AS resource, t.account AS account, t.region AS region,
       CASE WHEN t.logFileValidation = true THEN 'PASS' ELSE 'FAIL' END AS status,
       {name: t.name, logFileValidation: t.logFileValidation} AS evidence,
       CASE WHEN t.logFileValidation = true THEN null ELSE 'log file validation is off on ' + t.name END AS message

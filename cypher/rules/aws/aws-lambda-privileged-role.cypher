// aws-lambda-privileged-role: every Lambda function with the admin status of the role it runs
// as, because whoever changes the function's code (or finds an injection bug in it) acts with
// that role: an admin-equivalent execution role makes the function a key to the account.
MATCH (fn:AWSLambdaFunction)
WHERE coalesce(fn.stub, false) = false
OPTIONAL MATCH (fn)-[:RUNS_AS]->(role:AWSRole)
WITH fn, head(collect(role)) AS role
RETURN fn.id AS resource,
       fn.account AS account,
       fn.region AS region,
       CASE WHEN role.adminStatus IN ['admin', 'conditional'] THEN 'FAIL'
            WHEN role.adminStatus = 'not-admin' THEN 'PASS'
            ELSE 'NOT_APPLICABLE' END AS status,
       {role: coalesce(role.id, fn.roleArn), adminStatus: role.adminStatus} AS evidence,
       CASE WHEN role.adminStatus = 'admin' THEN 'runs as admin-equivalent role ' + role.id
            WHEN role.adminStatus = 'conditional'
              THEN 'runs as role ' + role.id + ', admin-equivalent under conditions Cairn cannot check'
            WHEN role.adminStatus = 'not-admin' THEN 'role ' + role.id + ' is not admin-equivalent'
            WHEN fn.roleArn IS NULL THEN 'no execution role was collected'
            ELSE 'the admin status of role ' + fn.roleArn + ' is unknown (its account was not analyzed)'
       END AS message

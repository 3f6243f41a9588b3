// aws-codebuild-privileged-role: every CodeBuild project with the admin status of the role it runs
// as, because whoever can change the buildspec, the source or a dependency acts with
// that role: an admin-equivalent service role makes every build a key to the account.
MATCH (project:AWSCodeBuildProject)
WHERE coalesce(project.stub, false) = false
OPTIONAL MATCH (project)-[:RUNS_AS]->(role:AWSRole)
WITH project, head(collect(role)) AS role
RETURN project.id AS resource,
       project.account AS account,
       project.region AS region,
       CASE WHEN role.adminStatus IN ['admin', 'conditional'] THEN 'FAIL'
            WHEN role.adminStatus = 'not-admin' THEN 'PASS'
            ELSE 'NOT_APPLICABLE' END AS status,
       {role: coalesce(role.id, project.roleArn), adminStatus: role.adminStatus} AS evidence,
       CASE WHEN role.adminStatus = 'admin' THEN 'runs as admin-equivalent role ' + role.id
            WHEN role.adminStatus = 'conditional'
              THEN 'runs as role ' + role.id + ', admin-equivalent under conditions Cairn cannot check'
            WHEN role.adminStatus = 'not-admin' THEN 'role ' + role.id + ' is not admin-equivalent'
            WHEN project.roleArn IS NULL THEN 'no service role was collected'
            ELSE 'the admin status of role ' + project.roleArn + ' is unknown (its account was not analyzed)'
       END AS message

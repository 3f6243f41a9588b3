// Resources of one account whose code runs as a role, for the escalation techniques that act on
// existing resources: functions, stacks, CodeBuild projects, notebooks and Glue endpoints by their
// roleArn; EC2 instances by their instance profile's role, with their state, platform and whether
// Systems Manager manages them (null when no complete SSM scope covers their region, or when that
// scan could not list the managed instances: a coverage gap is not "none managed"). `state` is
// the lifecycle state or status, where the resource has one. $scopePrefix is `aws:<account>/`.
OPTIONAL MATCH (ssm:CairnScope)
WHERE ssm.status = 'COMPLETE' AND ssm.id STARTS WITH $scopePrefix AND ssm.id ENDS WITH '/ssm'
  AND NOT EXISTS { MATCH (gap:CoverageGap) WHERE gap.scope = ssm.id AND gap.service = 'ssm' }
WITH collect(split(ssm.id, '/')[1]) AS ssmRegions
CALL {
  WITH ssmRegions
  MATCH (n:AWSLambdaFunction)
  WHERE n.account = $account AND n.stub = false AND n.roleArn IS NOT NULL
  RETURN n.id AS id, 'lambda-function' AS kind, n.region AS region, n.roleArn AS role,
         null AS state, n.packageType AS packageType, null AS platform, null AS ssmManaged
  UNION ALL
  WITH ssmRegions
  MATCH (n:AWSCloudFormationStack)
  WHERE n.account = $account AND n.stub = false AND n.roleArn IS NOT NULL
  RETURN n.id AS id, 'cloudformation-stack' AS kind, n.region AS region, n.roleArn AS role,
         n.status AS state, null AS packageType, null AS platform, null AS ssmManaged
  UNION ALL
  WITH ssmRegions
  MATCH (n:AWSCodeBuildProject)
  WHERE n.account = $account AND n.stub = false AND n.roleArn IS NOT NULL
  RETURN n.id AS id, 'codebuild-project' AS kind, n.region AS region, n.roleArn AS role,
         null AS state, null AS packageType, null AS platform, null AS ssmManaged
  UNION ALL
  WITH ssmRegions
  MATCH (n:AWSSageMakerNotebook)
  WHERE n.account = $account AND n.stub = false AND n.roleArn IS NOT NULL
  RETURN n.id AS id, 'sagemaker-notebook' AS kind, n.region AS region, n.roleArn AS role,
         n.status AS state, null AS packageType, null AS platform, null AS ssmManaged
  UNION ALL
  WITH ssmRegions
  MATCH (n:AWSGlueDevEndpoint)
  WHERE n.account = $account AND n.stub = false AND n.roleArn IS NOT NULL
  RETURN n.id AS id, 'glue-dev-endpoint' AS kind, n.region AS region, n.roleArn AS role,
         n.status AS state, null AS packageType, null AS platform, null AS ssmManaged
  UNION ALL
  WITH ssmRegions
  MATCH (n:AWSEC2Instance)
  WHERE n.account = $account AND n.stub = false AND n.instanceProfileArn IS NOT NULL
  MATCH (:AWSInstanceProfile {id: n.instanceProfileArn})-[:HAS_ROLE]->(role:AWSRole)
  RETURN n.id AS id, 'ec2-instance' AS kind, n.region AS region, role.id AS role,
         n.state AS state, null AS packageType, n.platform AS platform,
         CASE WHEN EXISTS { (:AWSSsmManagedInstance)-[:SSM_MANAGES]->(n) } THEN true
              WHEN n.region IN ssmRegions THEN false ELSE null END AS ssmManaged
}
RETURN id, kind, region, role, state, packageType, platform, ssmManaged
ORDER BY id

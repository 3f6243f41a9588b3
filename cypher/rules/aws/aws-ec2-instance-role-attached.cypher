// aws-ec2-instance-role-attached: every EC2 instance, failing when a running (or starting)
// instance has no instance profile: software on it then needs long-lived keys stored on the host.
// Stopped, terminated or unknown-state instances are NOT_APPLICABLE. Keys embedded on the host
// cannot be seen; this only shows whether the role mechanism is in use.
MATCH (i:AWSEC2Instance)
WHERE coalesce(i.stub, false) = false
OPTIONAL MATCH (i)-[:HAS_INSTANCE_PROFILE]->(ip:AWSInstanceProfile)
WITH i, collect(ip.id) AS profiles
WITH i, coalesce(i.instanceProfileArn, profiles[0]) AS profile
RETURN i.id AS resource,
       i.account AS account,
       i.region AS region,
       CASE
         WHEN NOT coalesce(i.state, '') IN ['running', 'pending'] THEN 'NOT_APPLICABLE'
         WHEN profile IS NULL THEN 'FAIL'
         ELSE 'PASS'
       END AS status,
       {state: i.state, instanceProfile: profile} AS evidence,
       CASE
         WHEN NOT coalesce(i.state, '') IN ['running', 'pending']
           THEN 'the instance is ' + coalesce(i.state, 'in an unknown state')
         WHEN profile IS NULL THEN 'running without an instance profile'
         ELSE 'runs with instance profile ' + profile
       END AS message

// aws-ec2-imdsv2-required: loaded instances that are not terminated; running ones pass with
// IMDSv2 required or the endpoint off. Stopped ones are not decided: the setting matters at start.
MATCH (i:AWSEC2Instance)
WHERE coalesce(i.stub, false) = false
  AND NOT coalesce(i.state, '') IN ['terminated', 'shutting-down']
WITH i, coalesce(i.state, 'unknown') IN ['running', 'pending'] AS running,
     i.imdsHttpEndpoint = 'disabled' OR i.imdsHttpTokens = 'required' AS safe
RETURN i.id AS resource, i.account AS account, i.region AS region,
       CASE
         WHEN NOT running THEN 'NOT_APPLICABLE'
         WHEN safe THEN 'PASS'
         WHEN i.imdsHttpTokens IS NULL THEN 'NOT_APPLICABLE'
         ELSE 'FAIL'
       END AS status,
       {instanceId: i.instanceId, state: i.state, imdsHttpTokens: i.imdsHttpTokens,
        imdsHttpEndpoint: i.imdsHttpEndpoint, instanceProfileArn: i.instanceProfileArn} AS evidence,
       CASE
         WHEN NOT running THEN 'instance is ' + coalesce(i.state, 'in an unknown state') + '; judged while running'
         WHEN safe THEN null
         WHEN i.imdsHttpTokens IS NULL THEN 'the metadata options were not collected'
         ELSE i.instanceId + ' accepts IMDSv1 requests (httpTokens ' + i.imdsHttpTokens + ')'
       END AS message

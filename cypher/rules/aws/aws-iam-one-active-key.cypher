// aws-iam-one-active-key: every IAM user, failing with more than one Active access key (a second
// key is only needed briefly while rotating; two long-lived keys double what can leak).
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false
OPTIONAL MATCH (u)-[:HAS_ACCESS_KEY]->(k:AWSAccessKey)
WHERE coalesce(k.stub, false) = false AND k.status = 'Active'
WITH u, collect(k.id) AS activeKeys
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE WHEN size(activeKeys) > 1 THEN 'FAIL' ELSE 'PASS' END AS status,
       {activeKeys: activeKeys} AS evidence,
       toString(size(activeKeys)) + ' active access key(s)' AS message

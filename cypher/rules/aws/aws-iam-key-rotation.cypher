// aws-iam-key-rotation: every IAM access key, failing when an Active key was created more than
// $params.days days ago. The resource is the key, not its user: each key is rotated on its own,
// so the finding names the exact key to replace and resolves when that key goes. Inactive keys
// are NOT_APPLICABLE (they cannot sign requests); the owning user is in the evidence.
MATCH (k:AWSAccessKey)
WHERE coalesce(k.stub, false) = false
OPTIONAL MATCH (u:AWSUser)-[:HAS_ACCESS_KEY]->(k)
WITH k, u, datetime($now) - duration({days: coalesce($params.days, 90)}) AS cutoff
RETURN k.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE
         WHEN k.status <> 'Active' THEN 'NOT_APPLICABLE'
         WHEN k.createDate IS NULL THEN 'NOT_APPLICABLE'
         WHEN datetime(k.createDate) < cutoff THEN 'FAIL'
         ELSE 'PASS'
       END AS status,
       {user: u.id, status: k.status, createDate: k.createDate,
        days: coalesce($params.days, 90)} AS evidence,
       CASE
         WHEN k.status <> 'Active' THEN 'the key is ' + k.status
         WHEN k.createDate IS NULL THEN 'the key creation date was not collected'
         WHEN datetime(k.createDate) < cutoff
           THEN 'active key created ' + k.createDate + ', more than ' + toString(coalesce($params.days, 90)) + ' days ago'
         ELSE 'active key created ' + k.createDate
       END AS message

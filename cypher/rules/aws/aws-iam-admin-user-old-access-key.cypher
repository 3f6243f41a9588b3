// aws-iam-admin-user-old-access-key: every admin-equivalent IAM user (isAdmin, written by `cairn
// analyze`), failing when one of its Active access keys was created more than $params.maxAgeDays
// days before $now. Inactive keys cannot sign requests and are ignored; an active key without a
// creation date makes the user NOT_APPLICABLE unless another key already fails it.
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false AND u.isAdmin = true
WITH u, toInteger(coalesce($params.maxAgeDays, 90)) AS maxAgeDays
WITH u, maxAgeDays, datetime($now) - duration({days: maxAgeDays}) AS cutoff
WITH u, maxAgeDays, cutoff, [(u)-[:HAS_ACCESS_KEY]->(k:AWSAccessKey)
                  WHERE coalesce(k.stub, false) = false AND k.status = 'Active' | k] AS active
WITH u, maxAgeDays, cutoff,
     [k IN active WHERE k.createDate IS NOT NULL AND datetime(k.createDate) < cutoff] AS old,
     [k IN active WHERE k.createDate IS NULL] AS undated, active
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE
         WHEN size(old) > 0 THEN 'FAIL'
         WHEN size(undated) > 0 THEN 'NOT_APPLICABLE'
         ELSE 'PASS'
       END AS status,
       {maxAgeDays: maxAgeDays,
        oldKeys: [k IN old | {id: k.id, createDate: toString(k.createDate),
                              ageDays: duration.inDays(datetime(k.createDate), datetime($now)).days,
                              lastUsedDate: toString(k.lastUsedDate)}],
        activeKeys: [k IN active | k.id]} AS evidence,
       CASE
         WHEN size(old) > 0
           THEN 'admin-equivalent user has active key ' + old[0].id + ' created '
                + toString(duration.inDays(datetime(old[0].createDate), datetime($now)).days) + ' days ago'
         WHEN size(undated) > 0 THEN 'an active key has no creation date'
         WHEN size(active) = 0 THEN 'admin-equivalent user has no active access key'
         ELSE 'every active key is at most ' + toString(maxAgeDays) + ' days old'
       END AS message

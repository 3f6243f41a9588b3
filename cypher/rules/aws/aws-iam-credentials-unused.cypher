// aws-iam-credentials-unused: every IAM user, failing when its console password or one of its
// Active access keys has gone unused for $params.days days: idle credentials are ones nobody
// watches. A password never used is judged from its last change (else the user's creation); a
// key never used from its creation. Unknown dates never count as idle: a user with no idle
// credential but one whose age is unknown (or whose console password state is) is NOT_APPLICABLE.
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false
OPTIONAL MATCH (u)-[:HAS_ACCESS_KEY]->(k:AWSAccessKey)
WHERE coalesce(k.stub, false) = false AND k.status = 'Active'
WITH u, collect(k) AS keys,
     datetime($now) - duration({days: coalesce($params.days, 45)}) AS cutoff
WITH u, keys, cutoff,
     CASE WHEN u.hasConsolePassword = true
       THEN coalesce(u.passwordLastUsed, u.passwordLastChanged, u.createDate) END AS passwordSince
WITH u, cutoff, passwordSince,
     passwordSince IS NOT NULL AND datetime(passwordSince) < cutoff AS idlePassword,
     [k IN keys WHERE coalesce(k.lastUsedDate, k.createDate) IS NOT NULL
                  AND datetime(coalesce(k.lastUsedDate, k.createDate)) < cutoff | k.id] AS idleKeys,
     [k IN keys | k.id] AS activeKeys,
     [k IN keys WHERE coalesce(k.lastUsedDate, k.createDate) IS NULL | k.id] AS undatedKeys
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE
         WHEN idlePassword OR size(idleKeys) > 0 THEN 'FAIL'
         WHEN u.hasConsolePassword IS NULL THEN 'NOT_APPLICABLE'
         WHEN u.hasConsolePassword AND passwordSince IS NULL THEN 'NOT_APPLICABLE'
         WHEN size(undatedKeys) > 0 THEN 'NOT_APPLICABLE'
         ELSE 'PASS'
       END AS status,
       {idlePassword: idlePassword, passwordLastUsed: u.passwordLastUsed,
        passwordLastChanged: u.passwordLastChanged, idleKeys: idleKeys, activeKeys: activeKeys,
        days: coalesce($params.days, 45)} AS evidence,
       CASE
         WHEN idlePassword OR size(idleKeys) > 0
           THEN 'unused for ' + toString(coalesce($params.days, 45)) + ' days: ' +
                CASE WHEN idlePassword THEN 'console password' ELSE '' END +
                CASE WHEN idlePassword AND size(idleKeys) > 0 THEN ', ' ELSE '' END +
                reduce(s = '', id IN idleKeys | s + CASE WHEN s = '' THEN '' ELSE ', ' END + 'key ' + id)
         WHEN u.hasConsolePassword IS NULL THEN 'the credential report was not collected for this user'
         WHEN u.hasConsolePassword AND passwordSince IS NULL
           THEN 'the console password has no last-use, change or creation date'
         WHEN size(undatedKeys) > 0 THEN 'no creation or last-use date for key ' + undatedKeys[0]
         ELSE 'no credential unused for ' + toString(coalesce($params.days, 45)) + ' days'
       END AS message

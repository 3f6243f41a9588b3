// aws-iam-root-recent-use: every account's root user, failing when its password or either access
// key was used within the last $params.days days: root should be kept for the few tasks only it
// can do. A credential the report shows as never used (unset) counts as unused.
MATCH (r:AWSRootUser)
WHERE coalesce(r.stub, false) = false
WITH r, datetime($now) - duration({days: coalesce($params.days, 90)}) AS since
WITH r, since,
     [use IN [['password', r.passwordLastUsed], ['accessKey1', r.accessKey1LastUsed],
              ['accessKey2', r.accessKey2LastUsed]]
      WHERE use[1] IS NOT NULL AND datetime(use[1]) >= since | use[0]] AS recent
RETURN r.id AS resource,
       r.account AS account,
       'global' AS region,
       CASE WHEN size(recent) > 0 THEN 'FAIL' ELSE 'PASS' END AS status,
       {usedRecently: recent, passwordLastUsed: r.passwordLastUsed,
        accessKey1LastUsed: r.accessKey1LastUsed, accessKey2LastUsed: r.accessKey2LastUsed,
        days: coalesce($params.days, 90)} AS evidence,
       CASE
         WHEN size(recent) > 0
           THEN 'root was used in the last ' + toString(coalesce($params.days, 90)) + ' days (' +
                reduce(s = '', u IN recent | s + CASE WHEN s = '' THEN '' ELSE ', ' END + u) + ')'
         ELSE 'root was not used in the last ' + toString(coalesce($params.days, 90)) + ' days'
       END AS message

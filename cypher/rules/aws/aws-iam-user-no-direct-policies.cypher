// aws-iam-user-no-direct-policies: every IAM user, failing when a policy is attached to it or
// inline in it (HAS_POLICY from the user) instead of reaching it through a group: per-user grants
// drift and are hard to review.
MATCH (u:AWSUser)
WHERE coalesce(u.stub, false) = false
OPTIONAL MATCH (u)-[h:HAS_POLICY]->(p)
WITH u, collect(p.id) AS policies, collect(DISTINCT h.attachment) AS attachments
RETURN u.id AS resource,
       split(u.id, ':')[4] AS account,
       'global' AS region,
       CASE WHEN size(policies) > 0 THEN 'FAIL' ELSE 'PASS' END AS status,
       {policies: policies, attachments: attachments} AS evidence,
       CASE
         WHEN size(policies) > 0 THEN toString(size(policies)) + ' policy(ies) attached directly: ' + policies[0] +
              CASE WHEN size(policies) > 1 THEN ', ...' ELSE '' END
         ELSE 'no policy attached directly'
       END AS message

// aws-iam-admin-assumable-from-workload: every admin-equivalent role (isAdmin, written by
// `cairn analyze`), failing when a role that compute runs as (an instance profile's role, or the
// role of a Lambda function, CodeBuild project, stack, notebook, Glue endpoint or EKS cluster)
// can assume it directly: whoever runs code on that compute becomes admin in one step.
MATCH (target:AWSRole)
WHERE coalesce(target.stub, false) = false AND target.isAdmin = true
WITH target, COLLECT {
  MATCH (w:AWSRole)-[e:CAN_ASSUME]->(target)
  WHERE w <> target AND coalesce(w.stub, false) = false
    AND (EXISTS { MATCH (x)-[:RUNS_AS]->(w) WHERE coalesce(x.stub, false) = false }
      OR EXISTS { MATCH (p:AWSInstanceProfile)-[:HAS_ROLE]->(w) WHERE coalesce(p.stub, false) = false })
  RETURN {role: w.id,
          conditional: e.conditional,
          workloads: [(x)-[:RUNS_AS]->(w) WHERE coalesce(x.stub, false) = false | x.id][0..5]
            + [(i:AWSEC2Instance)-[:HAS_INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:HAS_ROLE]->(w) | i.id][0..5],
          instanceProfiles: [(p:AWSInstanceProfile)-[:HAS_ROLE]->(w) | p.id][0..5]}
  ORDER BY w.id
} AS from
WITH target, from, [f IN from WHERE f.conditional = false] AS outright
RETURN target.id AS resource,
       split(target.id, ':')[4] AS account,
       'global' AS region,
       CASE WHEN size(from) > 0 THEN 'FAIL' ELSE 'PASS' END AS status,
       {workloadRoles: [f IN from | f.role],
        workloads: reduce(all = [], f IN from | all + f.workloads),
        instanceProfiles: reduce(all = [], f IN from | all + f.instanceProfiles),
        conditional: size(from) > 0 AND size(outright) = 0} AS evidence,
       CASE
         WHEN size(from) = 0 THEN 'no workload role can assume this admin-equivalent role'
         WHEN size(outright) = 0
           THEN 'workload role ' + from[0].role + ' can assume this admin-equivalent role, if its conditions hold'
         ELSE 'workload role ' + outright[0].role + ' can assume this admin-equivalent role'
       END AS message

// aws-rds-multi-az: loaded RDS instances outside a DB cluster by multiAz; cluster members
// (Aurora, Multi-AZ clusters) get availability from the cluster, which is not collected.
MATCH (d:AWSRdsInstance)
WHERE coalesce(d.stub, false) = false
WITH d, d.clusterIdentifier IS NOT NULL AS inCluster
RETURN d.id AS resource, d.account AS account, d.region AS region,
       CASE
         WHEN inCluster OR d.multiAz IS NULL THEN 'NOT_APPLICABLE'
         WHEN d.multiAz THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {name: d.name, engine: d.engine, multiAz: d.multiAz, clusterIdentifier: d.clusterIdentifier} AS evidence,
       CASE
         WHEN inCluster THEN 'member of DB cluster ' + d.clusterIdentifier + "; its availability is the cluster's"
         WHEN d.multiAz IS NULL THEN 'multiAz was not collected'
         WHEN d.multiAz THEN null
         ELSE d.name + ' has no standby in another availability zone'
       END AS message

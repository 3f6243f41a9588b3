// aws-cloudtrail-multi-region: every account whose CloudTrail was scanned (a complete
// aws:<account>/<region>/cloudtrail scope), passing when some trail that covers it is multi-region,
// logging, and records read and write management events. A trail covers its own account; an
// organization trail of the management account also covers every account of that organization.
MATCH (s:CairnScope)
WHERE s.provider = 'AWS' AND s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}/[^/]+/cloudtrail'
WITH substring(s.id, 4, 12) AS account, collect(split(s.id, '/')[1]) AS regionsScanned
OPTIONAL MATCH (a:AWSAccount {id: account})
OPTIONAL MATCH (o:AWSOrganization {id: a.organizationId})
WITH account, regionsScanned, o.managementAccountId AS management
WITH account, regionsScanned, management,
     COLLECT {
       MATCH (t:AWSCloudTrail)
       WHERE t.account IN [account, management] AND coalesce(t.stub, false) = false
         AND (t.account = account OR t.organizationTrail = true)
       RETURN t {.id, .multiRegion, .isLogging, .managementEvents, .managementEventsReadWriteType}
     } AS trails
WITH account, regionsScanned, management, trails,
     [t IN trails WHERE t.multiRegion = true AND t.isLogging = true AND t.managementEvents = true
                        AND t.managementEventsReadWriteType = 'All' | t.id] AS qualifying
RETURN account AS resource, account, 'global' AS region,
       CASE WHEN size(qualifying) > 0 THEN 'PASS' ELSE 'FAIL' END AS status,
       {regionsScanned: regionsScanned, trails: [t IN trails | t.id], qualifying: qualifying,
        organizationManagementAccount: management} AS evidence,
       CASE
         WHEN size(qualifying) > 0 THEN null
         WHEN size(trails) = 0 THEN 'no trail covers the account (regions scanned: ' + reduce(r = '', x IN regionsScanned | r + CASE r WHEN '' THEN '' ELSE ', ' END + x) + ')'
         ELSE 'no trail covering the account is multi-region, logging, and records read and write management events'
       END AS message

// aws-s3-object-write-logging: every loaded bucket with the logging trails that see its region:
// its account's multi-region trails and trails homed in its region, and organization trails of its
// management account. The evaluator reads their (basic or advanced) data event selectors.
CALL {
  MATCH (s:CairnScope)
  WHERE s.provider = 'AWS' AND s.status = 'COMPLETE' AND s.id =~ 'aws:[0-9]{12}/[^/]+/cloudtrail'
  RETURN collect(DISTINCT substring(s.id, 4, 12)) AS trailAccounts
}
MATCH (b:AWSS3Bucket)
WHERE coalesce(b.stub, false) = false
OPTIONAL MATCH (a:AWSAccount {id: b.account})
OPTIONAL MATCH (o:AWSOrganization {id: a.organizationId})
WITH b, trailAccounts, o.managementAccountId AS management
RETURN b.id AS resource, b.account AS account, b.region AS region,
       {bucket: b.name,
        cloudTrailScanned: b.account IN trailAccounts OR management IN trailAccounts,
        trails: COLLECT {
          MATCH (t:AWSCloudTrail)
          WHERE t.account IN [b.account, management] AND coalesce(t.stub, false) = false
            AND (t.account = b.account OR t.organizationTrail = true)
            AND t.isLogging = true AND (t.multiRegion = true OR t.region = b.region)
          RETURN t {.id, .eventSelectors, .advancedEventSelectors}
        }} AS evidence

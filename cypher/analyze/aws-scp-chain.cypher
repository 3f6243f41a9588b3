// The SCPs that apply to one account, one list per level from the root down to the account,
// and the management account of its organization (which SCPs do not restrict).
MATCH (account:AWSAccount {id: $account})
OPTIONAL MATCH chain = (account)-[:CHILD_OF*1..10]->(root:AWSOrganizationalUnit {isRoot: true})
OPTIONAL MATCH (org:AWSOrganization)-[:MANAGED_BY]->(management:AWSAccount)
WHERE org.id = account.organizationId
WITH account, management,
     CASE WHEN chain IS NULL THEN [] ELSE reverse(nodes(chain)) END AS levels
UNWIND (CASE WHEN size(levels) = 0 THEN [null] ELSE range(0, size(levels) - 1) END) AS i
WITH management, i, CASE WHEN i IS NULL THEN null ELSE levels[i] END AS level
OPTIONAL MATCH (scp:AWSOrgPolicy {policyType: 'SCP'})-[:APPLIES_TO]->(level)
WITH management, i, level, collect(scp {.id, .document}) AS policies
ORDER BY i
RETURN management.id AS managementAccountId,
       collect(CASE WHEN level IS NULL THEN null ELSE {target: level.id, policies: policies} END) AS levels

// Every IAM group of one account scope with its policies: what joining it would grant.
MATCH (g:AWSGroup)
WHERE g.scope = $scope AND g.stub = false
OPTIONAL MATCH (g)-[:HAS_POLICY]->(policy:Policy)
WHERE policy.document IS NOT NULL
RETURN g.id AS id,
       collect(policy {.id, .document,
         kind: CASE WHEN policy:AWSManagedPolicy THEN 'aws-managed'
                    WHEN policy.policyType = 'managed' THEN 'customer-managed' ELSE 'inline' END}) AS policies
ORDER BY id

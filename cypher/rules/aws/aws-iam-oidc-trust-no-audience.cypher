// aws-iam-oidc-trust-no-audience: roles whose trust has a Federated principal (a text pre-filter),
// with the client ids of the IAM OIDC providers it names (STS still checks those). The evaluator
// parses the trust and checks each OIDC statement for an audience condition.
MATCH (r:AWSRole)
WHERE coalesce(r.stub, false) = false AND r.trustPolicy CONTAINS 'Federated'
RETURN r.id AS resource,
       split(r.id, ':')[4] AS account,
       'global' AS region,
       {trustPolicy: r.trustPolicy,
        providers: COLLECT {
          MATCH (p:AWSOidcProvider)
          WHERE coalesce(p.stub, false) = false AND r.trustPolicy CONTAINS p.id
          RETURN p {.id, .clientIds}
        }} AS evidence

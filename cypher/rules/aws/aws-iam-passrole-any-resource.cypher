// aws-iam-passrole-any-resource: every IAM user and role (but admin-equivalent ones, which may
// pass anything by definition, and service-linked roles, which nobody can use) with the
// documents of its identity policies (attached, inline, through groups) and its boundary. The
// evaluator runs Cairn's policy engine on iam:PassRole for a role no policy names.
MATCH (p:Principal)
WHERE (p:AWSUser OR p:AWSRole) AND coalesce(p.stub, false) = false
  AND coalesce(p.isAdmin, false) = false
  AND NOT coalesce(p.path, '') STARTS WITH '/aws-service-role/'
OPTIONAL MATCH (p)-[:HAS_BOUNDARY]->(boundary:Policy)
RETURN p.id AS resource,
       CASE WHEN p:AWSUser THEN 'AWSUser' ELSE 'AWSRole' END AS resourceType,
       split(p.id, ':')[4] AS account,
       'global' AS region,
       {policies: COLLECT {
          MATCH (p)-[:HAS_POLICY]->(d:Policy) WHERE d.document IS NOT NULL
          RETURN d {.id, .document}
          UNION
          MATCH (p)-[:MEMBER_OF]->(:AWSGroup)-[:HAS_POLICY]->(d:Policy) WHERE d.document IS NOT NULL
          RETURN d {.id, .document}
        },
        boundary: CASE WHEN boundary IS NULL OR boundary.document IS NULL THEN []
                       ELSE [boundary {.id, .document}] END,
        boundaryUnknown: boundary IS NOT NULL AND boundary.document IS NULL} AS evidence

// aws-iam-no-full-admin-policies: every customer managed policy with its document and who it is
// attached to; the evaluator (aws/full-admin-policy) parses the document, since it is JSON text
// in the graph, and fails an attached policy with an Allow of Action "*" on Resource "*".
MATCH (p:AWSPolicy)
WHERE coalesce(p.stub, false) = false AND p.policyType = 'managed'
OPTIONAL MATCH (holder)-[:HAS_POLICY]->(p)
WITH p, collect(holder.id) AS attachedTo
RETURN p.id AS resource,
       split(p.id, ':')[4] AS account,
       'global' AS region,
       {document: p.document, attachedTo: attachedTo[0..20], attachedCount: size(attachedTo),
        attachmentCount: p.attachmentCount} AS evidence

// Open findings and what suppressions match on; tags only when a suppression asks for them.
MATCH (f:CairnFinding)
WHERE f.state = 'OPEN'
OPTIONAL CALL (f) {
  WITH f WHERE $withTags
  MATCH (n:Entity {id: f.resource})
  RETURN n.tags AS tags
  LIMIT 1
}
RETURN f.id AS id, f.ruleId AS ruleId, f.resource AS resource, f.account AS account,
       f.region AS region, f.suppressionId AS suppressionId,
       f.suppressionExpires AS suppressionExpires, f.suppressionReason AS suppressionReason,
       f.suppressionBy AS suppressionBy, tags

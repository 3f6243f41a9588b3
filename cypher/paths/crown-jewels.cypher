// What attackers go for by default: admin-equivalent principals (those of the organization's
// management account apart), data stores, secrets and keys tagged sensitive, and anything marked.
CALL () {
  MATCH (p:Principal)
  WHERE p.adminStatus = 'admin' AND coalesce(p.stub, false) = false
  OPTIONAL MATCH (a:AWSAccount {id: split(p.id, ':')[4]})
  RETURN p.id AS id,
         CASE WHEN a.isManagementAccount = true THEN 'managementAccount' ELSE 'admin' END AS kind,
         'admin-equivalent' AS reason
  UNION
  MATCH (s:DataStore|AWSSecret|AWSKmsKey)
  WHERE coalesce(s.stub, false) = false
    AND (s.cairnCrownJewel = true
         OR toLower(coalesce(s.tags, '')) =~ $sensitiveTagPattern)
  RETURN s.id AS id,
         CASE WHEN s:AWSSecret THEN 'secret' WHEN s:AWSKmsKey THEN 'key' ELSE 'sensitiveStore' END AS kind,
         CASE WHEN s.cairnCrownJewel = true THEN 'marked' ELSE 'tagged-sensitive' END AS reason
  UNION
  MATCH (n:Entity)
  WHERE n.cairnCrownJewel = true AND NOT n:DataStore AND NOT n:AWSSecret AND NOT n:AWSKmsKey
  RETURN n.id AS id, 'admin' AS kind, 'marked' AS reason
}
RETURN id, kind, reason
ORDER BY id

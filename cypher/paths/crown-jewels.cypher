// What attackers go for by default: admin-equivalent principals (those of the organization's
// management account apart), and data stores, secrets and keys tagged sensitive. `account` is
// where admin control reaches a store (S3 ARNs name no account: the node says).
CALL () {
  MATCH (p:Principal)
  WHERE p.adminStatus = 'admin' AND coalesce(p.stub, false) = false
  OPTIONAL MATCH (a:AWSAccount {id: split(p.id, ':')[4]})
  RETURN p.id AS id,
         CASE WHEN a.isManagementAccount = true THEN 'managementAccount' ELSE 'admin' END AS kind,
         'admin-equivalent' AS reason, split(p.id, ':')[4] AS account
  UNION
  MATCH (s:DataStore|AWSSecret|AWSKmsKey)
  WHERE coalesce(s.stub, false) = false
    AND toLower(coalesce(s.tags, '')) =~ $sensitiveTagPattern
  RETURN s.id AS id,
         CASE WHEN s:AWSSecret THEN 'secret' WHEN s:AWSKmsKey THEN 'key' ELSE 'sensitiveStore' END AS kind,
         'tagged-sensitive' AS reason, coalesce(s.account, split(s.id, ':')[4]) AS account
}
RETURN id, kind, reason, account
ORDER BY id

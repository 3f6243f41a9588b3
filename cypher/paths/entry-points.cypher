// Where attackers start by default: the internet; users whose credentials are weak (a console
// password without MFA, an active access key older than $keyAgeDays days); identity providers
// and principals of unloaded accounts that a role trusts (marked-entries.cypher adds the rest).
// Datetimes are stored as ISO text, hence datetime() before comparing.
CALL () {
  MATCH (i:Internet)
  RETURN i.id AS id, 'internet' AS reason
  UNION
  MATCH (u:AWSUser)
  WHERE coalesce(u.stub, false) = false AND u.hasConsolePassword = true AND u.mfaActive = false
  RETURN u.id AS id, 'console-password-without-mfa' AS reason
  UNION
  MATCH (u:AWSUser)-[:HAS_ACCESS_KEY]->(k:AWSAccessKey {status: 'Active'})
  WHERE coalesce(u.stub, false) = false
    AND datetime(k.createDate) < datetime($now) - duration({days: $keyAgeDays})
  RETURN u.id AS id, 'old-access-key' AS reason
  UNION
  MATCH (p:AWSOidcProvider|AWSSamlProvider)-[:CAN_ASSUME]->()
  RETURN p.id AS id, 'federation' AS reason
  UNION
  MATCH (p)-[:CAN_ASSUME]->()
  WHERE p.stub = true AND (p:AWSUser OR p:AWSRole OR p:AWSAccount)
  RETURN p.id AS id, 'external-trust' AS reason
}
RETURN id, collect(reason) AS reasons
ORDER BY id

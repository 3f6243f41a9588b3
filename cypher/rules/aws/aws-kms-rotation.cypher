// aws-kms-rotation: enabled customer-managed symmetric encryption keys by rotationEnabled.
// Imported (EXTERNAL) and custom-key-store material cannot rotate automatically: not decided.
MATCH (k:AWSKmsKey)
WHERE coalesce(k.stub, false) = false AND k.keyManager = 'CUSTOMER'
  AND k.keySpec = 'SYMMETRIC_DEFAULT' AND coalesce(k.keyState, 'Enabled') = 'Enabled'
  AND coalesce(k.enabled, true) = true
WITH k, coalesce(k.origin, 'AWS_KMS') <> 'AWS_KMS' AS manualOnly
RETURN k.id AS resource, k.account AS account, k.region AS region,
       CASE
         WHEN manualOnly OR k.rotationEnabled IS NULL THEN 'NOT_APPLICABLE'
         WHEN k.rotationEnabled THEN 'PASS'
         ELSE 'FAIL'
       END AS status,
       {keyId: k.keyId, origin: k.origin, rotationEnabled: k.rotationEnabled, aliases: k.aliases} AS evidence,
       CASE
         WHEN manualOnly THEN 'key material from ' + k.origin + ' cannot rotate automatically'
         WHEN k.rotationEnabled IS NULL THEN 'rotation status was not collected'
         WHEN k.rotationEnabled THEN null
         ELSE 'automatic rotation is off for key ' + k.keyId
       END AS message

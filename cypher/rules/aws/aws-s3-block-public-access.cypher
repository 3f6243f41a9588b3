// aws-s3-block-public-access: every loaded bucket with its own and its account's public access
// block (JSON text); the evaluator combines them setting by setting, as S3 does.
CALL {
  MATCH (g:CoverageGap)
  WHERE g.operation = 'GetPublicAccessBlock' AND g.service IN ['s3', 's3control']
  RETURN collect(g.scope + ' ' + g.service) AS blockGaps
}
MATCH (b:AWSS3Bucket)
WHERE coalesce(b.stub, false) = false
RETURN b.id AS resource, b.account AS account, b.region AS region,
       {bucket: b.name,
        publicAccessBlock: b.publicAccessBlock,
        accountPublicAccessBlock: b.accountPublicAccessBlock,
        bucketBlockUnread: b.scope + ' s3' IN blockGaps,
        accountBlockUnread: b.scope + ' s3control' IN blockGaps} AS evidence

MATCH (b:CairnStagedBatch {scanId: $scanId})
RETURN b.seq AS seq
ORDER BY seq

// Runs in the same transaction as the batch's writes, so each batch is applied exactly once.
MATCH (b:CairnStagedBatch {scanId: $scanId, seq: $seq})
DELETE b

MATCH (b:CairnStagedBatch {scanId: $scanId, seq: $seq})
RETURN b.phase AS phase, b.model AS model, b.rows AS rows

// One validated batch of rows, kept until it is applied so that an interrupted apply can resume.
CREATE (:CairnStagedBatch {
  scanId: $scanId,
  scope: $scope,
  seq: $seq,
  phase: $phase,
  model: $model,
  rowCount: $rowCount,
  rows: $rows
})

MATCH (r:CairnScanRun {id: $id})
SET r.compliance = $compliance
RETURN r.id AS id

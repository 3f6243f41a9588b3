// Writes each principal's admin status with the evidence that decided it.
UNWIND $rows AS row
MATCH (p:Entity {id: row.id})
SET p.isAdmin = row.isAdmin,
    p.adminStatus = row.status,
    p.adminEvidence = row.evidence,
    p.analysisId = $analysisId

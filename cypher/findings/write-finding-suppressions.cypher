// The suppression each open finding falls under now (null fields: none).
UNWIND $rows AS row
MATCH (f:CairnFinding {id: row.id})
SET f.suppressionId = row.suppressionId,
    f.suppressionReason = row.suppressionReason,
    f.suppressionBy = row.suppressionBy,
    f.suppressionExpires = row.suppressionExpires
RETURN count(*) AS written

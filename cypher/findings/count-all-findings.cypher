// How many findings there are, when no filter applies: from the count store, not a scan.
MATCH (f:CairnFinding)
RETURN count(f) AS totalCount

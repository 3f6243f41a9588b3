// Open findings per rule and location, split by whether a suppression applies at $now.
MATCH (f:CairnFinding)
WHERE f.state = 'OPEN'
WITH f, f.suppressionId IS NOT NULL
        AND (f.suppressionExpires IS NULL OR f.suppressionExpires > $now) AS suppressed
RETURN f.ruleId AS ruleId, f.account AS account, f.region AS region, suppressed, count(*) AS n

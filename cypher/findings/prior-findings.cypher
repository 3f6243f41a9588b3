// What the lifecycle needs of every stored finding, to open, reopen and resolve.
MATCH (f:CairnFinding)
RETURN f.id AS id, f.ruleId AS ruleId, f.state AS state, f.firstSeen AS firstSeen,
       f.reopenedAt AS reopenedAt, f.reopenCount AS reopenCount, f.resolvedAt AS resolvedAt

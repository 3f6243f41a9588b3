// Each rule's result counts per location in one scan run.
MATCH (x:CairnRuleEvaluation {runId: $runId})
RETURN x.ruleId AS ruleId, x.error AS error, x.counts AS counts

/** Labels of what the rules stage stores: findings, scan runs, rule evaluations, suppressions. */
export const FINDING_LABELS = [
  'CairnFinding',
  'CairnScanRun',
  'CairnRuleEvaluation',
  'CairnSuppression',
] as const;

/** Their constraints and indexes: ids are unique; findings are looked up by rule, resource and state, and paged by priority. */
export function findingSchemaStatements(): string[] {
  return [
    ...FINDING_LABELS.map(
      (label) =>
        `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
    'CREATE INDEX cairnfinding_rule IF NOT EXISTS FOR (n:CairnFinding) ON (n.ruleId)',
    'CREATE INDEX cairnfinding_resource IF NOT EXISTS FOR (n:CairnFinding) ON (n.resource)',
    'CREATE INDEX cairnfinding_state IF NOT EXISTS FOR (n:CairnFinding) ON (n.state)',
    // Pages of findings walk this index, highest priority first.
    'CREATE INDEX cairnfinding_priority IF NOT EXISTS FOR (n:CairnFinding) ON (n.priority)',
    'CREATE INDEX cairnruleevaluation_run IF NOT EXISTS FOR (n:CairnRuleEvaluation) ON (n.runId)',
    'CREATE INDEX cairnsuppression_source IF NOT EXISTS FOR (n:CairnSuppression) ON (n.source)',
  ];
}

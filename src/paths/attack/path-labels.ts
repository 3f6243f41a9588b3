/** Labels of what the attack-path stage stores. */
export const PATH_LABELS = ['CairnAttackPath'] as const;

export function pathSchemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT cairnattackpath_id IF NOT EXISTS FOR (n:CairnAttackPath) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX cairnattackpath_run IF NOT EXISTS FOR (n:CairnAttackPath) ON (n.runId, n.score)',
  ];
}

import { MARK_LABELS, markSchemaStatements } from '../marks/mark.js';

/** Labels of what the attack-path stage stores, and the marks people give it. */
export const PATH_LABELS = ['CairnAttackPath', 'CairnPathRun', ...MARK_LABELS] as const;

export function pathSchemaStatements(): string[] {
  return [
    ...markSchemaStatements(),
    'CREATE CONSTRAINT cairnattackpath_id IF NOT EXISTS FOR (n:CairnAttackPath) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX cairnattackpath_run IF NOT EXISTS FOR (n:CairnAttackPath) ON (n.runId, n.score)',
    'CREATE CONSTRAINT cairnpathrun_id IF NOT EXISTS FOR (n:CairnPathRun) REQUIRE n.id IS UNIQUE',
  ];
}

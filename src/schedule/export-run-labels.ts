/** Labels of what scheduled exports store: one node per run. */
export const EXPORT_RUN_LABELS = ['CairnExportRun'] as const;

/** Run ids are unique; `cairn export runs` reads them newest first, optionally per schedule. */
export function exportRunSchemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT cairnexportrun_id IF NOT EXISTS FOR (n:CairnExportRun) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX cairnexportrun_started IF NOT EXISTS FOR (n:CairnExportRun) ON (n.startedAt)',
    'CREATE INDEX cairnexportrun_schedule IF NOT EXISTS FOR (n:CairnExportRun) ON (n.schedule, n.startedAt)',
  ];
}

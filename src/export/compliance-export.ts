import type { ComplianceReport } from '../rules/compliance/read-compliance.js';
import { csvLine } from './csv-cell.js';

/** `cairn export compliance --format json`: the whole view, with when it was judged. */
export function complianceDocument(
  report: ComplianceReport,
  failingResources: ReadonlyMap<string, number>,
  now: string,
): unknown {
  const { view } = report;
  const { framework } = view;
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      source: framework.source ?? null,
    },
    generatedAt: now,
    scanRun: report.runId,
    score: view.score,
    statusCounts: view.statusCounts,
    controls: view.controls.map((c) => ({
      id: c.control.id,
      title: c.control.title,
      section: c.control.section ?? null,
      assessment: c.control.assessment,
      level: c.control.level ?? null,
      status: c.status,
      tally: c.tally,
      failingResources: failingResources.get(c.control.id) ?? 0,
      ruleIds: c.ruleIds,
    })),
    byAccount: view.byAccount,
    byRegion: view.byRegion,
    trend: report.trend,
  };
}

const HEADER = [
  'framework',
  'control_id',
  'title',
  'section',
  'assessment',
  'level',
  'status',
  'passed',
  'failed',
  'suppressed',
  'not_applicable',
  'errors',
  'failing_resources',
  'rules',
];

/** `cairn export compliance --format csv`: one row per control, in the framework's order. */
export function complianceCsv(
  report: ComplianceReport,
  failingResources: ReadonlyMap<string, number>,
): string {
  const frameworkId = report.view.framework.id;
  const rows = report.view.controls.map((c) =>
    csvLine([
      frameworkId,
      c.control.id,
      c.control.title,
      c.control.section,
      c.control.assessment,
      c.control.level,
      c.status,
      c.tally.pass,
      c.tally.fail,
      c.tally.suppressed,
      c.tally.notApplicable,
      c.tally.error,
      failingResources.get(c.control.id) ?? 0,
      c.ruleIds.join(' '),
    ]),
  );
  return csvLine(HEADER) + rows.join('');
}

import type { FindingWithStatus } from '../rules/findings/query-findings.js';
import { csvLine, type CsvValue } from './csv-cell.js';
import type { ExportContext } from './export-context.js';
import { findingDocument, type FindingDocument } from './finding-document.js';
import { controlLabels } from './rule-controls.js';

/** The columns of `cairn export findings --format csv`, in order (docs/exports.md). */
const COLUMNS: readonly [string, (d: FindingDocument) => CsvValue][] = [
  ['id', (d) => d.id],
  ['status', (d) => d.status],
  ['severity', (d) => d.severity],
  ['priority', (d) => d.priority],
  ['rule_id', (d) => d.ruleId],
  ['rule_title', (d) => d.ruleTitle],
  ['resource', (d) => d.resource],
  ['resource_type', (d) => d.resourceType],
  ['account', (d) => d.account],
  ['region', (d) => d.region],
  ['message', (d) => d.message],
  ['first_seen', (d) => d.firstSeen],
  ['last_seen', (d) => d.lastSeen],
  ['resolved_at', (d) => d.resolvedAt],
  ['reopen_count', (d) => d.reopenCount],
  ['on_attack_path', (d) => d.onAttackPath],
  ['controls', (d) => controlLabels(d.controls).join('; ')],
  ['suppression_reason', (d) => d.suppression?.reason],
  ['suppressed_by', (d) => d.suppression?.by],
  ['suppression_expires', (d) => d.suppression?.expires],
  ['remediation', (d) => d.remediation?.text],
  ['evidence', (d) => JSON.stringify(d.evidence)],
];

export function findingsCsvHeader(): string {
  return csvLine(COLUMNS.map(([name]) => name));
}

export function findingCsvRow(finding: FindingWithStatus, context: ExportContext): string {
  const document = findingDocument(finding, context);
  return csvLine(COLUMNS.map(([, value]) => value(document)));
}

import type { FindingWithStatus } from '../rules/findings/query-findings.js';
import type { ExportContext } from './export-context.js';
import { findingDocument } from './finding-document.js';
import { findingCsvRow, findingsCsvHeader } from './findings-csv.js';
import { ocsfDetectionFinding } from './ocsf-detection-finding.js';

export const FINDING_FORMATS = ['ocsf', 'csv', 'json'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

/**
 * The export's text, a page at a time so memory stays flat however many findings there are:
 * `ocsf` one Detection Finding per line (NDJSON), `csv` a header and one row per finding, `json`
 * one array.
 */
export async function* findingsOutput(
  format: FindingFormat,
  pages: AsyncIterable<readonly FindingWithStatus[]>,
  context: ExportContext,
): AsyncGenerator<string> {
  if (format === 'csv') yield findingsCsvHeader();
  if (format === 'json') yield '[';
  let first = true;
  for await (const page of pages) {
    let text = '';
    for (const finding of page) {
      if (format === 'csv') text += findingCsvRow(finding, context);
      else if (format === 'ocsf')
        text += `${JSON.stringify(ocsfDetectionFinding(finding, context))}\n`;
      else {
        text += `${first ? '\n' : ',\n'}${JSON.stringify(findingDocument(finding, context))}`;
        first = false;
      }
    }
    yield text;
  }
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}

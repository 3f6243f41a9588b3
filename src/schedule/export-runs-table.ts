import type { ExportRun } from './export-run-store.js';

const COLUMNS = [
  'STARTED',
  'SCHEDULE',
  'STATUS',
  'ATTEMPTS',
  'FINISHED',
  'DESTINATIONS',
  'ERROR',
] as const;

/** `cairn export runs`: a plain aligned table, newest first, one line per run. */
export function exportRunsTable(runs: readonly ExportRun[]): string {
  if (runs.length === 0) return 'no scheduled export has run yet\n';
  const rows = runs.map((run) => [
    run.startedAt,
    run.schedule,
    run.status,
    String(run.attempts),
    run.finishedAt ?? '-',
    run.destinations.length > 0 ? run.destinations.join(' ') : '-',
    run.error ?? '-',
  ]);
  // Stored text could hold line breaks or control characters: they must not break the table.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = (cell: string): string => cell.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const table = [[...COLUMNS], ...rows.map((row) => row.map(clean))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '),
    )
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}

import { RiskAggregator } from './risk-aggregator.js';
import type { RiskExportOptions } from './risk-options.js';
import { accountsOf, assetsOf, riskPathOf } from './risk-path.js';
import { pathRecord } from './risk-records.js';
import { riskWriter } from './risk-writer.js';

/** One stored path and the score the same hops had in the other run (null: not there). */
export interface RiskPathRow {
  readonly path: unknown;
  readonly otherScore: number | null;
}

/** Where the export reads from: the latest run, the one before it, and pages of their paths. */
export interface RiskSource {
  readonly runId: string;
  readonly previousRunId: string | null;
  pages(run: 'latest' | 'previous'): AsyncIterable<readonly RiskPathRow[]>;
}

const ROWS_PER_CHUNK = 1_000;

/**
 * The export's text, a page at a time. Latest paths stream out as they are read (NEW or
 * UNCHANGED); the previous run is read after them for the GONE paths (json, ndjson) and the
 * previous-run columns; asset and account totals follow once both runs are seen. With no
 * previous run every path is NEW.
 */
export async function* riskOutput(
  options: RiskExportOptions,
  source: RiskSource,
  generatedAt: string,
): AsyncGenerator<string> {
  const { format, levels } = options;
  const writer = riskWriter(format, {
    generatedAt,
    runId: source.runId,
    previousRunId: source.previousRunId,
    level: levels.length === 1 ? levels[0]! : 'all',
  });
  const withPaths = levels.includes('path');
  const aggregator = new RiskAggregator();
  yield writer.begin();
  if (withPaths) yield writer.beginSection('path');
  for await (const page of source.pages('latest')) {
    let text = '';
    for (const row of page) {
      const path = riskPathOf(row.path);
      const assets = assetsOf(path);
      const accounts = accountsOf(assets, path.storedAccounts);
      const isNew = source.previousRunId === null || row.otherScore === null;
      aggregator.addLatest(path, assets, accounts, isNew);
      if (withPaths) {
        const change = isNew ? 'NEW' : 'UNCHANGED';
        text += writer.record(
          'path',
          pathRecord(path, accounts, change, isNew ? null : row.otherScore),
        );
      }
    }
    yield text;
  }
  // csv holds only the latest paths: a GONE row would read as a current path in a spreadsheet.
  const onlyLatestPaths = format === 'csv' && levels.every((level) => level === 'path');
  if (source.previousRunId !== null && !onlyLatestPaths) {
    for await (const page of source.pages('previous')) {
      let text = '';
      for (const row of page) {
        const path = riskPathOf(row.path);
        const assets = assetsOf(path);
        const accounts = accountsOf(assets, path.storedAccounts);
        const isGone = row.otherScore === null;
        aggregator.addPrevious(path, assets, accounts, isGone);
        if (withPaths && isGone && format !== 'csv') {
          text += writer.record('path', pathRecord(path, accounts, 'GONE', path.score));
        }
      }
      yield text;
    }
  }
  if (withPaths) yield writer.endSection();
  if (levels.includes('asset')) {
    yield writer.beginSection('asset');
    yield* inChunks(aggregator.assets(), (r) => writer.record('asset', r));
    yield writer.endSection();
  }
  if (levels.includes('account')) {
    yield writer.beginSection('account');
    yield* inChunks(aggregator.accounts(), (r) => writer.record('account', r));
    yield writer.endSection();
  }
  yield writer.end();
}

function* inChunks<T>(records: readonly T[], text: (record: T) => string): Generator<string> {
  for (let at = 0; at < records.length; at += ROWS_PER_CHUNK) {
    yield records
      .slice(at, at + ROWS_PER_CHUNK)
      .map(text)
      .join('');
  }
}

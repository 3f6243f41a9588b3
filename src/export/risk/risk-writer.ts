import { accountCsvRow, assetCsvRow, pathCsvRow, riskCsvHeader } from './risk-csv.js';
import type { RiskFormat, RiskLevel } from './risk-options.js';
import type { AccountRiskRecord, AssetRiskRecord, PathRiskRecord } from './risk-records.js';

export type RiskRecordOf = {
  path: PathRiskRecord;
  asset: AssetRiskRecord;
  account: AccountRiskRecord;
};

export interface RiskDocumentHead {
  readonly generatedAt: string;
  readonly runId: string;
  readonly previousRunId: string | null;
  /** The one level asked for, or `all`. */
  readonly level: RiskLevel | 'all';
}

/** Turns records into the text of one format, a piece at a time. */
export interface RiskWriter {
  begin(): string;
  beginSection(level: RiskLevel): string;
  record<L extends RiskLevel>(level: L, record: RiskRecordOf[L]): string;
  endSection(): string;
  end(): string;
}

const SECTION: Readonly<Record<RiskLevel, string>> = {
  path: 'paths',
  asset: 'assets',
  account: 'accounts',
};

export function riskWriter(format: RiskFormat, head: RiskDocumentHead): RiskWriter {
  if (format === 'csv') return csvWriter();
  if (format === 'ndjson') return ndjsonWriter();
  return jsonWriter(head);
}

function csvWriter(): RiskWriter {
  return {
    begin: () => '',
    beginSection: (level) => riskCsvHeader(level),
    record: (level, record) => {
      if (level === 'path') return pathCsvRow(record as PathRiskRecord);
      if (level === 'asset') return assetCsvRow(record as AssetRiskRecord);
      return accountCsvRow(record as AccountRiskRecord);
    },
    endSection: () => '',
    end: () => '',
  };
}

/** One record per line, each saying which kind it is, so levels can share one stream. */
function ndjsonWriter(): RiskWriter {
  return {
    begin: () => '',
    beginSection: () => '',
    record: (level, record) => `${JSON.stringify({ kind: level, ...record })}\n`,
    endSection: () => '',
    end: () => '',
  };
}

/**
 * One document: `records` for a single level, or `paths`, `assets` and `accounts` for all,
 * written record by record so the whole document is never held in memory.
 */
function jsonWriter(head: RiskDocumentHead): RiskWriter {
  let first = true;
  return {
    begin: () => JSON.stringify(head).slice(0, -1),
    beginSection: (level) => {
      first = true;
      return `,${JSON.stringify(head.level === 'all' ? SECTION[level] : 'records')}:[`;
    },
    record: (_level, record) => {
      const text = `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
      first = false;
      return text;
    },
    endSection: () => (first ? ']' : '\n]'),
    end: () => '}\n',
  };
}

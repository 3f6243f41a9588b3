import { csvLine } from '../csv-cell.js';
import type { RiskLevel } from './risk-options.js';
import type { AccountRiskRecord, AssetRiskRecord, PathRiskRecord } from './risk-records.js';

const HEADERS: Readonly<Record<RiskLevel, readonly string[]>> = {
  path: [
    'id',
    'path_key',
    'score',
    'band',
    'entry',
    'entry_reason',
    'jewel',
    'jewel_reason',
    'hops',
    'techniques',
    'accounts',
    'change',
    'previous_score',
  ],
  asset: [
    'id',
    'account',
    'paths',
    'max_score',
    'sum_score',
    'as_entry',
    'as_jewel',
    'previous_paths',
    'previous_max_score',
    'paths_delta',
    'max_score_delta',
  ],
  account: [
    'account',
    'paths',
    'max_score',
    'critical',
    'high',
    'medium',
    'low',
    'new',
    'gone',
    'previous_paths',
    'previous_max_score',
  ],
};

export function riskCsvHeader(level: RiskLevel): string {
  return csvLine(HEADERS[level]);
}

export function pathCsvRow(r: PathRiskRecord): string {
  return csvLine([
    r.id,
    r.pathKey,
    r.score,
    r.band,
    r.entry,
    r.entryReason,
    r.jewel,
    r.jewelReason,
    r.hops,
    // Hops are in order, so the techniques read as the path's story.
    r.techniques.join(' > '),
    r.accounts.join(' '),
    r.change,
    r.previousScore,
  ]);
}

export function assetCsvRow(r: AssetRiskRecord): string {
  return csvLine([
    r.id,
    r.account,
    r.paths,
    r.maxScore,
    r.sumScore,
    r.asEntry,
    r.asJewel,
    r.previousPaths,
    r.previousMaxScore,
    r.pathsDelta,
    r.maxScoreDelta,
  ]);
}

export function accountCsvRow(r: AccountRiskRecord): string {
  return csvLine([
    r.account,
    r.paths,
    r.maxScore,
    r.critical,
    r.high,
    r.medium,
    r.low,
    r.new,
    r.gone,
    r.previousPaths,
    r.previousMaxScore,
  ]);
}

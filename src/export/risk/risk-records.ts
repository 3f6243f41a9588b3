import type { RiskBand, RiskPath } from './risk-path.js';

export type PathChange = 'NEW' | 'UNCHANGED' | 'GONE';

/** `--level path`: one path of the latest run, or one the previous run had that is now gone. */
export interface PathRiskRecord {
  readonly id: string;
  readonly pathKey: string;
  /** The latest run's score; for a GONE path, the previous run's. */
  readonly score: number;
  readonly band: RiskBand;
  readonly entry: string;
  readonly entryReason: string;
  readonly jewel: string;
  readonly jewelReason: string;
  readonly hops: number;
  readonly techniques: readonly string[];
  readonly accounts: readonly string[];
  readonly change: PathChange;
  /** The score the same hops had in the previous run; null for a NEW path. */
  readonly previousScore: number | null;
}

/** `--level asset`: one node that lies on a path of the latest or the previous run. */
export interface AssetRiskRecord {
  readonly id: string;
  readonly account: string | null;
  readonly paths: number;
  readonly maxScore: number;
  readonly sumScore: number;
  readonly asEntry: number;
  readonly asJewel: number;
  readonly previousPaths: number;
  readonly previousMaxScore: number;
  readonly pathsDelta: number;
  readonly maxScoreDelta: number;
}

/** `--level account`: one AWS account a path of the latest or the previous run touches. */
export interface AccountRiskRecord {
  readonly account: string;
  readonly paths: number;
  readonly maxScore: number;
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly new: number;
  readonly gone: number;
  readonly previousPaths: number;
  readonly previousMaxScore: number;
}

export function pathRecord(
  path: RiskPath,
  accounts: readonly string[],
  change: PathChange,
  previousScore: number | null,
): PathRiskRecord {
  return {
    id: path.id,
    pathKey: path.pathKey,
    score: path.score,
    band: path.band,
    entry: path.entry,
    entryReason: path.entryReason,
    jewel: path.jewel,
    jewelReason: path.jewelReason,
    hops: path.steps.length,
    techniques: path.steps.map((step) => step.technique),
    accounts,
    change,
    previousScore,
  };
}

/** Scores are kept to one decimal; sums of them would otherwise show float noise. */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

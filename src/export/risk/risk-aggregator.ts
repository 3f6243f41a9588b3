import { accountOf, type RiskPath } from './risk-path.js';
import { oneDecimal, type AccountRiskRecord, type AssetRiskRecord } from './risk-records.js';

interface AssetTally {
  paths: number;
  maxScore: number;
  sumScore: number;
  asEntry: number;
  asJewel: number;
  previousPaths: number;
  previousMaxScore: number;
}

interface AccountTally {
  paths: number;
  maxScore: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  new: number;
  gone: number;
  previousPaths: number;
  previousMaxScore: number;
}

/**
 * Per-asset and per-account totals over both runs, fed one path at a time as pages stream by:
 * memory grows with the assets on paths, never with the number of paths.
 */
export class RiskAggregator {
  private readonly assetTallies = new Map<string, AssetTally>();
  private readonly accountTallies = new Map<string, AccountTally>();

  /** A path of the latest run; `isNew` when the previous run did not have it. */
  addLatest(
    path: RiskPath,
    assets: readonly string[],
    accounts: readonly string[],
    isNew: boolean,
  ): void {
    for (const id of assets) {
      const tally = this.asset(id);
      tally.paths += 1;
      tally.maxScore = Math.max(tally.maxScore, path.score);
      tally.sumScore += path.score;
      if (id === path.entry) tally.asEntry += 1;
      if (id === path.jewel) tally.asJewel += 1;
    }
    for (const id of accounts) {
      const tally = this.account(id);
      tally.paths += 1;
      tally.maxScore = Math.max(tally.maxScore, path.score);
      tally[path.band] += 1;
      if (isNew) tally.new += 1;
    }
  }

  /** A path of the previous run; `isGone` when the latest run no longer has it. */
  addPrevious(
    path: RiskPath,
    assets: readonly string[],
    accounts: readonly string[],
    isGone: boolean,
  ): void {
    for (const id of assets) {
      const tally = this.asset(id);
      tally.previousPaths += 1;
      tally.previousMaxScore = Math.max(tally.previousMaxScore, path.score);
    }
    for (const id of accounts) {
      const tally = this.account(id);
      tally.previousPaths += 1;
      tally.previousMaxScore = Math.max(tally.previousMaxScore, path.score);
      if (isGone) tally.gone += 1;
    }
  }

  /** Highest max score first, then most paths, then by id. */
  assets(): AssetRiskRecord[] {
    return [...this.assetTallies]
      .map(([id, t]) => ({
        id,
        account: accountOf(id),
        paths: t.paths,
        maxScore: t.maxScore,
        sumScore: oneDecimal(t.sumScore),
        asEntry: t.asEntry,
        asJewel: t.asJewel,
        previousPaths: t.previousPaths,
        previousMaxScore: t.previousMaxScore,
        pathsDelta: t.paths - t.previousPaths,
        maxScoreDelta: oneDecimal(t.maxScore - t.previousMaxScore),
      }))
      .sort((a, b) => b.maxScore - a.maxScore || b.paths - a.paths || compare(a.id, b.id));
  }

  /** Highest max score first, then by account id. */
  accounts(): AccountRiskRecord[] {
    return [...this.accountTallies]
      .map(([account, t]) => ({ account, ...t }))
      .sort((a, b) => b.maxScore - a.maxScore || compare(a.account, b.account));
  }

  private asset(id: string): AssetTally {
    let tally = this.assetTallies.get(id);
    if (!tally) {
      tally = {
        paths: 0,
        maxScore: 0,
        sumScore: 0,
        asEntry: 0,
        asJewel: 0,
        previousPaths: 0,
        previousMaxScore: 0,
      };
      this.assetTallies.set(id, tally);
    }
    return tally;
  }

  private account(id: string): AccountTally {
    let tally = this.accountTallies.get(id);
    if (!tally) {
      tally = {
        paths: 0,
        maxScore: 0,
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
        new: 0,
        gone: 0,
        previousPaths: 0,
        previousMaxScore: 0,
      };
      this.accountTallies.set(id, tally);
    }
    return tally;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

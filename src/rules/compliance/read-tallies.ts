import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { emptyTally, locationKey, type Location, type RuleTallies, type Tally } from './tally.js';

interface EvaluationRow {
  readonly ruleId: string;
  readonly error: string | null;
  readonly counts: string;
}
interface FindingCountRow extends Location {
  readonly ruleId: string;
  readonly suppressed: boolean;
  readonly n: number;
}

/** The id of the latest scan run, or null before the first analysis. */
export async function latestScanRun(db: Database): Promise<string | null> {
  const [row] = await readNamed<{ id: string }>(db, 'findings/latest-scan-run');
  return row?.id ?? null;
}

/**
 * Per rule and location: passes, not-applicables and errors from the latest run, failures from the
 * findings as they stand at `now` (so a suppression or its expiry counts at once).
 */
export async function readTallies(
  db: Database,
  runId: string,
  now: string,
): Promise<Map<string, RuleTallies>> {
  const evaluations = await readNamed<EvaluationRow>(db, 'findings/rule-evaluations', { runId });
  const findings = await readNamed<FindingCountRow>(db, 'findings/open-finding-counts', { now });
  const rules = new Map<
    string,
    { byLocation: Map<string, { location: Location; tally: Tally }>; ruleError: string | null }
  >();
  const ruleOf = (ruleId: string) => {
    let rule = rules.get(ruleId);
    if (!rule) {
      rule = { byLocation: new Map(), ruleError: null };
      rules.set(ruleId, rule);
    }
    return rule;
  };
  const tallyAt = (ruleId: string, location: Location): Tally => {
    const rule = ruleOf(ruleId);
    const key = locationKey(location);
    let entry = rule.byLocation.get(key);
    if (!entry) {
      entry = { location, tally: emptyTally() };
      rule.byLocation.set(key, entry);
    }
    return entry.tally;
  };
  for (const row of evaluations) {
    ruleOf(row.ruleId).ruleError = row.error;
    for (const [key, counts] of Object.entries(parseCounts(row.counts))) {
      const [account = '', region = ''] = key.split('|');
      const tally = tallyAt(row.ruleId, { account: account || null, region: region || null });
      tally.pass += counts[0] ?? 0;
      tally.notApplicable += counts[2] ?? 0;
      tally.error += counts[3] ?? 0;
    }
  }
  for (const row of findings) {
    const tally = tallyAt(row.ruleId, { account: row.account, region: row.region });
    if (row.suppressed) tally.suppressed += row.n;
    else tally.fail += row.n;
  }
  return rules;
}

function parseCounts(text: string): Record<string, number[]> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, number[]>) : {};
  } catch {
    return {};
  }
}

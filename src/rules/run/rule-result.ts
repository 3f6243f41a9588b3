import type { RuleStatus } from '../evaluator.js';

/** What one rule decided about one resource in one analysis. */
export interface RuleResult {
  readonly ruleId: string;
  readonly resource: string;
  /** The resource's own label, when the rule judges a shared one (`Principal`). */
  readonly resourceType?: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly status: RuleStatus;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly message: string | null;
}

/** One rule's run: every result, or why the rule as a whole could not run. */
export interface RuleRun {
  readonly ruleId: string;
  readonly results: readonly RuleResult[];
  /** Set when the query failed: the rule is ERROR and its earlier findings stay as they were. */
  readonly error?: string;
  readonly ms: number;
}

const RANK: Record<RuleStatus, number> = { FAIL: 3, ERROR: 2, PASS: 1, NOT_APPLICABLE: 0 };

/** Of two verdicts on one resource, the one a reader must see. */
export function worse(a: RuleResult, b: RuleResult): RuleResult {
  return RANK[b.status] > RANK[a.status] ? b : a;
}

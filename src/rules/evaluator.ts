/** What a rule decides about one resource. */
export type RuleStatus = 'PASS' | 'FAIL' | 'NOT_APPLICABLE' | 'ERROR';

/** The statuses a check may return; ERROR is Cairn's, when a check itself breaks. */
export type CheckStatus = Exclude<RuleStatus, 'ERROR'>;

/** One row of a rule's Cypher query, converted to plain values, as an evaluator sees it. */
export interface RuleRow {
  readonly resource: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly message: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  /** The analysis time (ISO), so that age checks are reproducible. */
  readonly now: string;
}

export interface Verdict {
  readonly status: CheckStatus;
  /** Replaces the row's evidence when given: what decided it. */
  readonly evidence?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** Decides one resource from the facts its rule's query gathered. Throwing makes it ERROR. */
export type Evaluator = (row: RuleRow) => Verdict;

export type EvaluatorSet = Readonly<Record<string, Evaluator>>;

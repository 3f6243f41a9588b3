import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';

export const BANDS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskBand = (typeof BANDS)[number];

const stepSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  technique: z.string(),
});

const storedSchema = z.object({
  id: z.string().min(1),
  pathKey: z.string().min(1),
  runId: z.string().min(1),
  score: z.number().min(0).max(100),
  band: z.enum(BANDS),
  entry: z.string().min(1),
  entryReason: z.string(),
  jewel: z.string().min(1),
  jewelReason: z.string(),
  steps: z.string().max(1_000_000),
  /** Newer analyses store the accounts too (a bucket's from its node, which its ARN lacks). */
  accounts: z
    .array(z.string().regex(/^\d{12}$/))
    .max(10_000)
    .optional(),
});

/** A stored `CairnAttackPath`, checked, with its steps parsed. */
export interface RiskPath {
  readonly id: string;
  readonly pathKey: string;
  readonly runId: string;
  readonly score: number;
  readonly band: RiskBand;
  readonly entry: string;
  readonly entryReason: string;
  readonly jewel: string;
  readonly jewelReason: string;
  readonly steps: readonly {
    readonly from: string;
    readonly to: string;
    readonly technique: string;
  }[];
  /** The accounts the analysis stored for the path; empty when it stored none. */
  readonly storedAccounts: readonly string[];
}

/**
 * A stored path as the export reads it. The graph is Cairn's own, but a hand-edited or
 * half-migrated database must fail with the path named rather than export wrong numbers.
 */
export function riskPathOf(stored: unknown): RiskPath {
  const parsed = storedSchema.safeParse(stored);
  const id = (stored as { id?: unknown } | null)?.id;
  const where = `stored attack path ${typeof id === 'string' ? id.slice(0, 200) : '(no id)'}`;
  if (!parsed.success) {
    throw new BadInputError(
      `${where}: ${describeIssue(parsed.error.issues[0]!)}; run cairn analyze again`,
    );
  }
  let steps: unknown;
  try {
    steps = JSON.parse(parsed.data.steps);
  } catch {
    throw new BadInputError(`${where}: steps is not JSON; run cairn analyze again`);
  }
  const checked = z.array(stepSchema).safeParse(steps);
  if (!checked.success) {
    throw new BadInputError(
      `${where}: ${describeIssue(checked.error.issues[0]!, ['steps'])}; run cairn analyze again`,
    );
  }
  const { steps: _text, accounts, ...rest } = parsed.data;
  return { ...rest, steps: checked.data, storedAccounts: accounts ?? [] };
}

/** Every node a path passes through, once each, in path order: entry, each hop's end, jewel. */
export function assetsOf(path: RiskPath): string[] {
  const ids = new Set<string>([path.entry]);
  for (const step of path.steps) {
    ids.add(step.from);
    ids.add(step.to);
  }
  ids.add(path.jewel);
  return [...ids];
}

const ARN_ACCOUNT = /^arn:aws[a-z-]*:[^:]*:[^:]*:(\d{12}):/;
const BARE_ACCOUNT = /^\d{12}$/;

/** The AWS account an id names: an ARN's account field, or an account node's bare id; else null. */
export function accountOf(id: string): string | null {
  if (BARE_ACCOUNT.test(id)) return id;
  return ARN_ACCOUNT.exec(id)?.[1] ?? null;
}

/** The accounts a path touches, sorted: those its ids name, and any the analysis stored. */
export function accountsOf(assets: readonly string[], stored: readonly string[] = []): string[] {
  const accounts = new Set<string>(stored);
  for (const id of assets) {
    const account = accountOf(id);
    if (account !== null) accounts.add(account);
  }
  return [...accounts].sort();
}

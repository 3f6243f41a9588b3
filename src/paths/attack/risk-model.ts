import { z } from 'zod';

const probability = z.number().gt(0, 'must be above 0').max(1, 'must be at most 1');

/**
 * How likely each kind of hop is, and how much each kind of target is worth. A path's score is
 * 100 × (the product of its hops' likelihoods) × (its target's impact). Conditional hops (those
 * that hold only if conditions Cairn cannot check do) count `conditionalFactor` times less likely.
 */
export const riskModelSchema = z.strictObject({
  likelihood: z
    .strictObject({
      /** The internet reaches a resource on some port. */
      reach: probability.default(0.9),
      /** Code on a compute resource gets its role's credentials (IMDSv2 required, a function). */
      runsAs: probability.default(0.7),
      /** ... when the instance still answers IMDSv1 (one SSRF away). */
      runsAsImdsV1: probability.default(0.9),
      /** A principal assumes a role it may assume. */
      assume: probability.default(0.95),
      /** A principal uses an escalation technique. */
      escalate: probability.default(0.85),
      /** A principal reads or changes a data store it has access to. */
      access: probability.default(0.95),
      /** Anyone on the internet uses public access to a data store. */
      publicAccess: probability.default(0.95),
      /** An admin-equivalent principal reads or changes any data store of its account. */
      adminControl: probability.default(0.95),
      conditionalFactor: probability.default(0.5),
    })
    .prefault({}),
  impact: z
    .strictObject({
      admin: probability.default(1),
      managementAccount: probability.default(1),
      sensitiveStore: probability.default(0.9),
      secret: probability.default(0.8),
      key: probability.default(0.7),
      store: probability.default(0.6),
    })
    .prefault({}),
  /** Lowest score of each band; below `medium` a path is `low`. */
  bands: z
    .strictObject({
      critical: z.number().min(0).max(100).default(70),
      high: z.number().min(0).max(100).default(50),
      medium: z.number().min(0).max(100).default(30),
    })
    .prefault({})
    .refine(
      (b) => b.critical >= b.high && b.high >= b.medium,
      'must be critical >= high >= medium',
    ),
});

export type RiskModel = z.infer<typeof riskModelSchema>;
export type HopKind = Exclude<keyof RiskModel['likelihood'], 'conditionalFactor'>;
export type TargetKind = keyof RiskModel['impact'];
export type Band = 'critical' | 'high' | 'medium' | 'low';

export const DEFAULT_RISK_MODEL: RiskModel = riskModelSchema.parse({});

export function hopLikelihood(model: RiskModel, kind: HopKind, conditional: boolean): number {
  const base = model.likelihood[kind];
  return conditional ? base * model.likelihood.conditionalFactor : base;
}

/** 0–100, rounded to one decimal. */
export function pathScore(likelihoods: readonly number[], impact: number): number {
  const chance = likelihoods.reduce((product, l) => product * l, 1);
  return Math.round(1000 * chance * impact) / 10;
}

export function bandOf(model: RiskModel, score: number): Band {
  if (score >= model.bands.critical) return 'critical';
  if (score >= model.bands.high) return 'high';
  if (score >= model.bands.medium) return 'medium';
  return 'low';
}

import { describe, expect, it } from 'vitest';
import {
  bandOf,
  DEFAULT_RISK_MODEL,
  hopLikelihood,
  pathScore,
  riskModelSchema,
} from '../../../src/paths/attack/risk-model.js';

describe('risk model', () => {
  it('scores a path as 100 × the product of its hops × the impact of its target', () => {
    // internet -> instance (reach) -> role (IMDSv1) -> admin (escalate): 0.9 × 0.9 × 0.85 × 1
    const hops = [
      hopLikelihood(DEFAULT_RISK_MODEL, 'reach', false),
      hopLikelihood(DEFAULT_RISK_MODEL, 'runsAsImdsV1', false),
      hopLikelihood(DEFAULT_RISK_MODEL, 'escalate', false),
    ];
    expect(pathScore(hops, DEFAULT_RISK_MODEL.impact.admin)).toBe(68.9);
    expect(bandOf(DEFAULT_RISK_MODEL, 68.9)).toBe('high');
    expect(bandOf(DEFAULT_RISK_MODEL, 70)).toBe('critical');
    expect(bandOf(DEFAULT_RISK_MODEL, 29.9)).toBe('low');
  });

  it('counts a conditional hop less', () => {
    expect(hopLikelihood(DEFAULT_RISK_MODEL, 'assume', true)).toBeCloseTo(0.475, 9);
  });

  it('takes partial overrides and refuses nonsense with the field named', () => {
    const model = riskModelSchema.parse({ likelihood: { reach: 0.5 }, impact: { store: 0.2 } });
    expect(model.likelihood).toMatchObject({ reach: 0.5, escalate: 0.85 });
    expect(model.impact.store).toBe(0.2);
    const bad = riskModelSchema.safeParse({ likelihood: { reach: 0 } });
    expect(bad.error?.issues[0]?.path).toEqual(['likelihood', 'reach']);
    expect(riskModelSchema.safeParse({ likelihood: { teleport: 1 } }).success).toBe(false);
    expect(riskModelSchema.safeParse({ bands: { critical: 10 } }).success).toBe(false);
  });
});

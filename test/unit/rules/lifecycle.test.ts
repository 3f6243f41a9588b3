import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/catalog/rule-schema.js';
import { findingStatus } from '../../../src/rules/findings/finding.js';
import {
  applyRun,
  MAX_EVIDENCE_CHARS,
  type PriorFinding,
} from '../../../src/rules/findings/lifecycle.js';
import type { RuleResult, RuleRun } from '../../../src/rules/run/rule-result.js';

const rule = { id: 'r1', severity: 'high', resourceType: 'AWSUser' } as Rule;
const rules = new Map([[rule.id, rule]]);
const context = (onAttackPath: string[] = []) => ({
  rules,
  runId: 'run-2',
  now: 'T2',
  onAttackPath: new Set(onAttackPath),
});
const result = (resource: string, status: RuleResult['status']): RuleResult => ({
  ruleId: 'r1',
  resource,
  account: '1',
  region: 'global',
  status,
  evidence: { why: status },
  message: null,
});
const run = (...results: RuleResult[]): RuleRun => ({ ruleId: 'r1', results, ms: 1 });
const prior = (id: string, state: 'OPEN' | 'RESOLVED'): PriorFinding => ({
  id: `r1/${id}`,
  ruleId: 'r1',
  state,
  firstSeen: 'T0',
  reopenedAt: null,
  reopenCount: 0,
  resolvedAt: state === 'RESOLVED' ? 'T1' : null,
});

describe('applyRun', () => {
  it('opens new failures, reopens resolved ones and resolves what passes now', () => {
    const before = new Map([
      ['r1/a', prior('a', 'RESOLVED')],
      ['r1/b', prior('b', 'OPEN')],
      ['r1/c', prior('c', 'OPEN')],
    ]);
    const change = applyRun(
      [run(result('a', 'FAIL'), result('b', 'PASS'), result('d', 'FAIL'))],
      before,
      context(['d']),
    );
    expect(change.opened).toBe(1);
    expect(change.reopened).toBe(1);
    // b passes and c is gone: both resolve.
    expect(change.resolved.sort()).toEqual(['r1/b', 'r1/c']);
    const a = change.upserts.find((f) => f.resource === 'a');
    expect(a).toMatchObject({ state: 'OPEN', firstSeen: 'T0', reopenedAt: 'T2', reopenCount: 1 });
    const d = change.upserts.find((f) => f.resource === 'd');
    expect(d).toMatchObject({ firstSeen: 'T2', onAttackPath: true, priority: 80 });
    expect(JSON.parse(d?.evidence ?? '{}')).toEqual({ why: 'FAIL' });
  });

  it('keeps findings when the rule could not run or the resource could not be decided', () => {
    const before = new Map([
      ['r1/a', prior('a', 'OPEN')],
      ['r1/b', prior('b', 'OPEN')],
    ]);
    expect(
      applyRun([{ ruleId: 'r1', results: [], error: 'boom', ms: 1 }], before, context()),
    ).toMatchObject({ upserts: [], resolved: [] });
    expect(applyRun([run(result('a', 'ERROR'))], before, context()).resolved).toEqual(['r1/b']);
  });

  it('leaves findings of rules that were not run at all alone', () => {
    const before = new Map([['r9/x', { ...prior('x', 'OPEN'), id: 'r9/x', ruleId: 'r9' }]]);
    expect(applyRun([run(result('a', 'PASS'))], before, context()).resolved).toEqual([]);
  });
});

describe('findingStatus', () => {
  const open = { state: 'OPEN' as const, suppressionId: 's', suppressionExpires: 'T5' };
  it('is SUPPRESSED until the suppression expires, then OPEN again', () => {
    expect(findingStatus(open, 'T4')).toBe('SUPPRESSED');
    expect(findingStatus(open, 'T5')).toBe('OPEN');
    expect(findingStatus({ ...open, suppressionExpires: null }, 'T9')).toBe('SUPPRESSED');
    expect(findingStatus({ ...open, state: 'RESOLVED' }, 'T4')).toBe('RESOLVED');
  });
});

describe('evidence size', () => {
  it('keeps evidence under the limit and says when it was cut', () => {
    const huge = { ...result('a', 'FAIL'), evidence: { blob: 'x'.repeat(MAX_EVIDENCE_CHARS) } };
    const [finding] = applyRun([run(huge)], new Map(), context()).upserts;
    expect(JSON.parse(finding?.evidence ?? '{}')).toEqual({
      truncated: true,
      originalChars: MAX_EVIDENCE_CHARS + 11,
      keys: ['blob'],
    });
  });
});

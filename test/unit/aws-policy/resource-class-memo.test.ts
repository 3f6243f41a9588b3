import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../../src/analyze/aws/policy/index.js';
import {
  ActionCatalog,
  compilePolicy,
  evaluateRequest,
} from '../../../src/analyze/aws/policy/index.js';
import { ResourceClassMemo } from '../../../src/analyze/aws/policy/resource-class-memo.js';

// One memo per random policy set, asked about many resources in turn: every answer must be the
// decision (and evidence) a fresh evaluation of that exact request gives.
const ACTIONS = ['iam:PassRole', 'iam:CreateAccessKey', 'iam:AttachRolePolicy'];
const catalog = ActionCatalog.fromActionNames(ACTIONS);
const RESOURCE_CLAUSES = [
  '*',
  'arn:aws:iam::111111111111:role/*',
  'arn:aws:iam::111111111111:role/app-*',
  'arn:aws:iam::*:user/${aws:username}',
  // Resolved from the resource, not the principal: no class can be formed from it.
  'arn:aws:iam::${aws:ResourceAccount}:user/a*',
  'arn:aws:iam::111111111111:role/${aws:PrincipalTag/team}-*',
  'arn:aws:iam::111111111111:user/admin',
  'arn:aws:iam::222222222222:*',
];
const RESOURCES = [
  'arn:aws:iam::111111111111:role/app-1',
  'arn:aws:iam::111111111111:role/app-2',
  'arn:aws:iam::111111111111:role/db',
  'arn:aws:iam::111111111111:user/alice',
  'arn:aws:iam::111111111111:user/admin',
  'arn:aws:iam::111111111111:user/bob',
  'arn:aws:iam::222222222222:role/app-1',
  'arn:aws:iam::222222222222:user/alice',
];
const CONDITIONS = [
  { StringEquals: { 'aws:ResourceAccount': '111111111111' } },
  { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
  { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::111111111111:policy/b' } },
];
const CONTEXTS: Record<string, string>[] = [{}, { 'iam:PassedToService': 'lambda.amazonaws.com' }];

function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomDocument(next: () => number): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const statements = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    Effect: next() < 0.3 ? 'Deny' : 'Allow',
    [next() < 0.15 ? 'NotAction' : 'Action']: pick([...ACTIONS, 'iam:*']),
    [next() < 0.2 ? 'NotResource' : 'Resource']: [pick(RESOURCE_CLAUSES), pick(RESOURCE_CLAUSES)],
    ...(next() < 0.3 ? { Condition: pick(CONDITIONS) } : {}),
  }));
  return { Version: '2012-10-17', Statement: statements };
}

describe('resource-class memo', () => {
  it('gives every resource the decision and evidence of its own evaluation', () => {
    const next = rng(11);
    const principal = { arn: 'arn:aws:iam::111111111111:user/alice', tags: { team: 'app' } };
    const seen = { allowed: 0, denied: 0, conditional: 0 };
    for (let round = 0; round < 300; round++) {
      const doc = (id: string) => compilePolicy(randomDocument(next), id, catalog);
      const policies: PolicySet = {
        identity: [doc('i0'), doc('i1')],
        permissionsBoundary: next() < 0.3 ? doc('b') : undefined,
        scps: next() < 0.3 ? [[doc('s0')], [doc('s1')]] : undefined,
      };
      const memo = new ResourceClassMemo(policies, principal);
      for (const action of ACTIONS) {
        for (const context of CONTEXTS) {
          for (const resource of RESOURCES) {
            const request = { principal, action, resource, context };
            const direct = evaluateRequest(policies, request);
            const memoized = memo.get(action, resource, context, () =>
              evaluateRequest(policies, request),
            );
            const where = `round ${round}: ${action} on ${resource} with ${JSON.stringify(context)}`;
            expect(memoized.decision, where).toBe(direct.decision);
            expect(memoized.decidedBy, where).toEqual(direct.decidedBy);
            expect(memoized.pending, where).toEqual(direct.pending);
            seen[direct.decision]++;
          }
        }
      }
    }
    expect(Math.min(seen.allowed, seen.denied, seen.conditional)).toBeGreaterThan(200);
  });

  it('evaluates once for resources every statement treats alike', () => {
    const policies: PolicySet = {
      identity: [
        compilePolicy(
          {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
          },
          'p',
          catalog,
        ),
      ],
    };
    const memo = new ResourceClassMemo(policies, {
      arn: 'arn:aws:iam::111111111111:user/alice',
    });
    let evaluations = 0;
    for (const resource of RESOURCES.slice(0, 6)) {
      memo.get('iam:PassRole', resource, {}, () => {
        evaluations += 1;
        return evaluateRequest(policies, {
          principal: { arn: 'arn:aws:iam::111111111111:user/alice' },
          action: 'iam:PassRole',
          resource,
        });
      });
    }
    expect(evaluations).toBe(1);
  });
});

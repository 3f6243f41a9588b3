import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../../src/analyze/aws/policy/index.js';
import {
  ActionCatalog,
  ActionDecisions,
  compilePolicy,
  evaluateRequest,
} from '../../../src/analyze/aws/policy/index.js';

// Random policy sets over a small vocabulary: the bitset path must agree with the
// single-request path on every action, resource and principal.
const ACTIONS = ['s3:GetObject', 's3:PutObject', 'iam:PassRole', 'sts:AssumeRole', 'kms:Decrypt'];
const catalog = ActionCatalog.fromActionNames(ACTIONS);
const PATTERNS = ['*', 's3:*', 's3:Get*', 'iam:PassRole', 'sts:*', 'kms:*', 'newsvc:*'];
const RESOURCES = [
  '*',
  'arn:aws:s3:::bucket/key',
  'arn:aws:iam::111111111111:role/target',
  'arn:aws:kms:us-east-1:222222222222:key/k1',
];
const PRINCIPALS = [
  { arn: 'arn:aws:iam::111111111111:user/alice', tags: { team: 'data' } },
  {
    arn: 'arn:aws:iam::111111111111:role/app',
    sessionArn: 'arn:aws:sts::111111111111:assumed-role/app/s',
  },
  { service: 'lambda.amazonaws.com' },
];
const CONDITIONS = [
  undefined,
  { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringNotEquals: { 'aws:PrincipalAccount': '111111111111' } },
];
const PRINCIPAL_ELEMENTS = [
  '*',
  { AWS: '111111111111' },
  { AWS: 'arn:aws:iam::111111111111:role/app' },
  { Service: 'lambda.amazonaws.com' },
];

function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomDocument(next: () => number, withPrincipal: boolean): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const statements = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    Effect: next() < 0.25 ? 'Deny' : 'Allow',
    [next() < 0.15 ? 'NotAction' : 'Action']: [pick(PATTERNS), pick(PATTERNS)],
    Resource: pick(['*', 'arn:aws:s3:::bucket/*', 'arn:aws:iam::*:role/*']),
    ...(withPrincipal ? { Principal: pick(PRINCIPAL_ELEMENTS) } : {}),
    ...(pick(CONDITIONS) ? { Condition: pick(CONDITIONS.slice(1)) } : {}),
  }));
  return { Version: '2012-10-17', Statement: statements };
}

describe('batch and single-request evaluation agree', () => {
  it('on 300 random policy sets', () => {
    const next = rng(7);
    const seen = { allowed: 0, denied: 0, conditional: 0 };
    for (let round = 0; round < 300; round++) {
      const doc = (id: string, withPrincipal = false) =>
        compilePolicy(randomDocument(next, withPrincipal), id, catalog);
      const policies: PolicySet = {
        identity: [doc('i0'), doc('i1')],
        permissionsBoundary: next() < 0.3 ? doc('b') : undefined,
        scps: next() < 0.3 ? [[doc('s0')]] : undefined,
        resource: next() < 0.6 ? [doc('r', true)] : undefined,
      };
      const principal = PRINCIPALS[round % PRINCIPALS.length]!;
      const resource = RESOURCES[Math.floor(next() * RESOURCES.length)]!;
      const batch = new ActionDecisions(catalog, policies, { principal, resource });
      for (const action of [...ACTIONS, 'newsvc:Thing']) {
        const single = evaluateRequest(policies, { principal, action, resource }).decision;
        expect(batch.decisionOf(action), `round ${round} ${action} on ${resource}`).toBe(single);
        seen[single]++;
      }
    }
    // The generator must exercise all three outcomes, or agreement proves little.
    expect(Math.min(seen.allowed, seen.denied, seen.conditional)).toBeGreaterThan(50);
  });
});

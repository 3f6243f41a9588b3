import { afterAll, beforeAll, bench, describe } from 'vitest';
import type {
  ActionCatalog,
  CompiledPolicy,
  PolicySet,
} from '../../src/analyze/aws/policy/index.js';
import {
  ActionDecisions,
  compilePolicy,
  evaluateRequest,
  loadAwsActionCatalog,
} from '../../src/analyze/aws/policy/index.js';

// Pure CPU work: no database. Run alone with
//   NEO4J_URI=unused npx vitest bench --run --config vitest.bench.config.ts test/bench/aws-policy.bench.ts
const POLICIES = 20_000;
const PRINCIPALS = 10_000;
const ACTIONS_PER_PRINCIPAL = 50;
const SERVICES = ['s3', 'ec2', 'iam', 'lambda', 'dynamodb', 'kms', 'sqs', 'sns', 'sts', 'logs'];
const VERBS = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update', 'Tag'];

let catalog: ActionCatalog;
let documents: object[];
let compiled: CompiledPolicy[];
let scps: CompiledPolicy[][];
let askedActions: string[];
const timings: string[] = [];

/** A deterministic pseudo-random sequence, so runs are comparable. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function syntheticPolicy(i: number, next: () => number): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const service = pick(SERVICES);
  const statements: object[] = [
    {
      Effect: 'Allow',
      Action: [`${service}:${pick(VERBS)}*`, `${pick(SERVICES)}:${pick(VERBS)}*`],
      Resource: '*',
    },
    { Effect: 'Allow', Action: `${service}:*`, Resource: `arn:aws:${service}:*:111111111111:*` },
  ];
  if (i % 5 === 0) {
    statements.push({
      Effect: 'Deny',
      Action: `${pick(SERVICES)}:Delete*`,
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    });
  }
  if (i % 7 === 0)
    statements.push({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
  if (i % 11 === 0) {
    statements.push({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::home/${aws:username}/*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
  const next = rng(42);
  documents = Array.from({ length: POLICIES }, (_, i) => syntheticPolicy(i, next));
  compiled = documents.map((document, i) => compilePolicy(document, `p${i}`, catalog));
  scps = [
    [
      compilePolicy(
        { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } },
        'full',
        catalog,
      ),
    ],
    [
      compilePolicy(
        {
          Statement: {
            Effect: 'Allow',
            NotAction: ['organizations:*', 'account:*'],
            Resource: '*',
          },
        },
        'ou',
        catalog,
      ),
    ],
  ];
  askedActions = Array.from({ length: ACTIONS_PER_PRINCIPAL }, (_, i) => {
    const index = Math.floor(next() * catalog.size);
    return i % 10 === 9 ? `newsvc:Uncatalogued${i}` : (catalog.nameAt(index) ?? 's3:GetObject');
  });
});

afterAll(() => {
  console.log(`aws-policy: ${timings.join('; ')}`);
});

function policySetFor(p: number): PolicySet {
  const pool = compiled;
  const identity = [0, 1, 2, 3].map((k) => pool[(p * 7 + k * 1_013) % pool.length]!);
  const boundary = p % 5 === 0 ? pool[(p * 13) % pool.length] : undefined;
  return { identity, permissionsBoundary: boundary, scps };
}

function principalFor(p: number) {
  return { arn: `arn:aws:iam::111111111111:user/u${p}`, tags: { team: p % 2 ? 'data' : 'ops' } };
}

describe('AWS policy evaluator', () => {
  bench(
    `compile ${POLICIES} policies`,
    () => {
      const started = performance.now();
      const heapBefore = process.memoryUsage().heapUsed;
      const kept = documents.map((document, i) => compilePolicy(document, `p${i}`, catalog));
      const ms = performance.now() - started;
      const mb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
      timings.push(`compile ${kept.length}: ${ms.toFixed(0)} ms, ~${mb.toFixed(0)} MB heap`);
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(
    `batch: ${PRINCIPALS} principals × ${ACTIONS_PER_PRINCIPAL} actions on *`,
    () => {
      const started = performance.now();
      let allowed = 0;
      for (let p = 0; p < PRINCIPALS; p++) {
        const decisions = new ActionDecisions(catalog, policySetFor(p), {
          principal: principalFor(p),
          resource: '*',
        });
        for (const action of askedActions)
          if (decisions.decisionOf(action) === 'allowed') allowed++;
      }
      const ms = performance.now() - started;
      const rate = Math.round((PRINCIPALS * ACTIONS_PER_PRINCIPAL) / (ms / 1000));
      timings.push(
        `batch ${PRINCIPALS}×${ACTIONS_PER_PRINCIPAL}: ${ms.toFixed(0)} ms (${rate} decisions/s, ${allowed} allowed)`,
      );
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(
    `single-request: ${PRINCIPALS} principals × ${ACTIONS_PER_PRINCIPAL} actions on *`,
    () => {
      const started = performance.now();
      for (let p = 0; p < PRINCIPALS; p++) {
        const policies = policySetFor(p);
        const principal = principalFor(p);
        for (const action of askedActions)
          evaluateRequest(policies, { principal, action, resource: '*' });
      }
      const ms = performance.now() - started;
      const rate = Math.round((PRINCIPALS * ACTIONS_PER_PRINCIPAL) / (ms / 1000));
      timings.push(
        `single ${PRINCIPALS}×${ACTIONS_PER_PRINCIPAL}: ${ms.toFixed(0)} ms (${rate} decisions/s)`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});

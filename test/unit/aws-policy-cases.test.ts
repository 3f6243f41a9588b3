import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
import { BadInputError } from '../../src/errors/cairn-error.js';

// Every JSON file under test/cases/aws-policy is one case; see its README for the format.
const CASES_DIR = join(import.meta.dirname, '../cases/aws-policy');

const policyInput = z.union([
  z.string(),
  z.strictObject({ id: z.string(), document: z.unknown() }),
  z.record(z.string(), z.unknown()),
]);
const policyList = z.array(policyInput);
const statementRef = z.strictObject({
  policyType: z.string().optional(),
  policyId: z.string().optional(),
  statementIndex: z.number().optional(),
  sid: z.string().optional(),
  effect: z.enum(['Allow', 'Deny']).optional(),
  level: z.number().optional(),
});
const caseSchema = z.strictObject({
  description: z.string().min(1),
  request: z.strictObject({
    principal: z.strictObject({
      arn: z.string().optional(),
      sessionArn: z.string().optional(),
      service: z.string().optional(),
      federated: z.string().optional(),
      canonicalUserId: z.string().optional(),
      anonymous: z.boolean().optional(),
      tags: z.record(z.string(), z.string()).optional(),
      orgId: z.string().optional(),
    }),
    action: z.string(),
    resource: z.string(),
    resourceAccount: z.string().optional(),
    resourceTags: z.record(z.string(), z.string()).optional(),
    context: z.record(z.string(), z.unknown()).optional(),
    contextComplete: z.boolean().optional(),
  }),
  policies: z.strictObject({
    identity: policyList.optional(),
    boundary: policyInput.optional(),
    session: policyList.optional(),
    scps: z.array(policyList).optional(),
    rcps: z.array(policyList).optional(),
    resource: policyList.optional(),
    resourcePolicyKind: z.enum(['default', 'kms-key', 'role-trust']).optional(),
    managementAccountId: z.string().optional(),
  }),
  expect: z.union([
    z.strictObject({
      decision: z.enum(['allowed', 'denied', 'conditional']),
      reason: z.string().optional(),
      decidedBy: z.array(statementRef).optional(),
      pendingKeys: z.array(z.string()).optional(),
      missingAllow: z
        .strictObject({ policyType: z.string(), level: z.number().optional() })
        .optional(),
    }),
    z.strictObject({ error: z.string().min(1) }),
  ]),
});
type PolicyCase = z.infer<typeof caseSchema>;

function caseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return caseFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

function loadCase(path: string): PolicyCase {
  const parsed = caseSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`malformed case file ${path}: ${JSON.stringify(parsed.error.issues[0])}`);
  }
  return parsed.data;
}

function compileAll(c: PolicyCase, catalog: ActionCatalog): PolicySet {
  const one = (input: z.infer<typeof policyInput>, id: string): CompiledPolicy =>
    typeof input === 'object' && 'id' in input && 'document' in input
      ? compilePolicy(input.document, String(input.id), catalog)
      : compilePolicy(input, id, catalog);
  const list = (inputs: z.infer<typeof policyList> | undefined, prefix: string) =>
    inputs?.map((input, i) => one(input, `${prefix}[${i}]`));
  const p = c.policies;
  return {
    identity: list(p.identity, 'identity') ?? [],
    permissionsBoundary: p.boundary === undefined ? undefined : one(p.boundary, 'boundary'),
    session: list(p.session, 'session'),
    scps: p.scps?.map((level, i) => list(level, `scp[${i}]`) ?? []),
    rcps: p.rcps?.map((level, i) => list(level, `rcp[${i}]`) ?? []),
    resource: list(p.resource, 'resource'),
    resourcePolicyKind: p.resourcePolicyKind,
    managementAccountId: p.managementAccountId,
  };
}

const files = caseFiles(CASES_DIR).sort();
const cases = files.map((path) => ({
  name: relative(CASES_DIR, path),
  policyCase: loadCase(path),
}));
let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
});

describe('AWS policy evaluation cases', () => {
  it('has at least 200 case files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases)('$name', ({ policyCase: c }) => {
    const request = c.request as Parameters<typeof evaluateRequest>[1];
    if ('error' in c.expect) {
      const wanted = c.expect.error;
      expect(() => evaluateRequest(compileAll(c, catalog), request)).toThrow(BadInputError);
      expect(() => evaluateRequest(compileAll(c, catalog), request)).toThrow(wanted);
      return;
    }
    const policies = compileAll(c, catalog);
    const decision = evaluateRequest(policies, request);
    const want = c.expect;
    expect(decision.decision, c.description).toBe(want.decision);
    if (want.reason) expect(decision.reason, c.description).toBe(want.reason);
    for (const ref of want.decidedBy ?? []) {
      expect(decision.decidedBy, c.description).toContainEqual(expect.objectContaining(ref));
    }
    if (want.pendingKeys) {
      const keys = decision.pending.flatMap((p) => p.conditions.map((entry) => entry.key));
      for (const key of want.pendingKeys) expect(keys, c.description).toContain(key);
    }
    if (want.missingAllow) {
      expect(decision.missingAllow, c.description).toMatchObject(want.missingAllow);
    }
    // The batch path must agree with the single-request path on every case.
    const { action, ...rest } = request;
    expect(new ActionDecisions(catalog, policies, rest).decisionOf(action), 'batch').toBe(
      decision.decision,
    );
  });
});

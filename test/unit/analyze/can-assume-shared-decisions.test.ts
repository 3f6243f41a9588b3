import { beforeAll, describe, expect, it } from 'vitest';
import { canAssumeEdges } from '../../../src/analyze/aws/assume/can-assume.js';
import { buildIamModel } from '../../../src/analyze/aws/estate/build-iam-model.js';
import type { EstatePrincipal } from '../../../src/analyze/aws/estate/iam-estate.js';
import { requestPrincipalOf } from '../../../src/analyze/aws/iam-model.js';
import {
  evaluateRequest,
  loadAwsActionCatalog,
  type ActionCatalog,
} from '../../../src/analyze/aws/policy/index.js';

const ACCOUNT = '111111111111';
const arn = (kind: string, name: string): string => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const accountTrust = doc({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'sts:AssumeRole',
});
const mfaTrust = doc({
  Effect: 'Allow',
  Principal: { AWS: ACCOUNT },
  Action: 'sts:AssumeRole',
  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
});

// Callers whose decisions may or may not depend on the role: a shared decision must never
// differ from evaluating the pair on its own.
const callerPolicies: Record<string, object[]> = {
  admin: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })],
  'assume-any': [doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })],
  'assume-app': [
    doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn('role', 'app-*') }),
  ],
  // Literal ARNs: indexed by role, so only the named roles are checked against them.
  'assume-two': [
    doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn('role', 'app-1-0') }),
    doc({ Effect: 'Allow', Action: 'sts:*', Resource: [arn('role', 'ops-2-1')] }),
  ],
  'deny-ops': [
    doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: arn('role', 'ops-*') },
    ),
  ],
  'tag-gated': [
    doc({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
    }),
  ],
  'mfa-only': [
    doc({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    }),
  ],
};

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
});

describe('CAN_ASSUME decisions shared between roles with identical trusts', () => {
  it('agree with evaluating every pair on its own, evidence included', () => {
    const principals: EstatePrincipal[] = [
      ...Object.entries(callerPolicies).map(([name, docs]) => ({
        id: arn('user', name),
        kind: 'user' as const,
        account: ACCOUNT,
        scope: `aws:${ACCOUNT}`,
        policies: docs.map((document, i) => ({ id: `${arn('user', name)}#inline/${i}`, document })),
      })),
      ...['app-1', 'app-2', 'ops-1', 'ops-2', 'data-1'].flatMap((name) =>
        [accountTrust, mfaTrust].map((trust, i) => ({
          id: arn('role', `${name}-${i}`),
          kind: 'role' as const,
          account: ACCOUNT,
          scope: `aws:${ACCOUNT}`,
          trustPolicy: JSON.stringify(trust),
          policies: [],
        })),
      ),
    ];
    const model = buildIamModel(
      {
        accounts: [{ account: ACCOUNT, scope: `aws:${ACCOUNT}`, scpLevels: [] }],
        principals,
        groups: [],
      },
      catalog,
    );
    const shared = canAssumeEdges(model).map((e) => ({
      key: `${e.from} -> ${e.to}`,
      decision: e.decision,
    }));
    const roles = model.principals.filter((p) => p.kind === 'role');
    const users = model.principals.filter((p) => p.kind === 'user');
    const direct = users.flatMap((caller) =>
      roles.flatMap((role) => {
        const decision = evaluateRequest(
          {
            ...caller.policies,
            resource: role.trust ? [role.trust] : [],
            resourcePolicyKind: 'role-trust',
          },
          { principal: requestPrincipalOf(caller), action: 'sts:AssumeRole', resource: role.id },
        );
        return decision.decision === 'denied'
          ? []
          : [{ key: `${caller.id} -> ${role.id}`, decision }];
      }),
    );
    const byKey = (list: { key: string }[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(shared)).toEqual(byKey(direct));
    // The interesting ones are there: the Deny and the resource pattern still bite per role.
    const keys = new Set(shared.map((e) => e.key));
    expect(keys.has(`${arn('user', 'deny-ops')} -> ${arn('role', 'app-1-0')}`)).toBe(true);
    expect(keys.has(`${arn('user', 'deny-ops')} -> ${arn('role', 'ops-1-0')}`)).toBe(false);
    expect(keys.has(`${arn('user', 'assume-app')} -> ${arn('role', 'data-1-0')}`)).toBe(false);
    expect([...keys].filter((k) => k.startsWith(arn('user', 'assume-two')))).toEqual([
      `${arn('user', 'assume-two')} -> ${arn('role', 'app-1-0')}`,
      `${arn('user', 'assume-two')} -> ${arn('role', 'ops-2-1')}`,
    ]);
  });
});

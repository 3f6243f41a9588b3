import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessRequests,
  childPatterns,
} from '../../../../src/analyze/aws/access/access-requests.js';
import {
  accessTargetOf,
  type AccessTarget,
} from '../../../../src/analyze/aws/access/access-target.js';
import {
  loadAccessActions,
  type AccessActions,
} from '../../../../src/analyze/aws/access/action-levels.js';
import { callerContext } from '../../../../src/analyze/aws/access/caller-context.js';
import { policyGrants } from '../../../../src/analyze/aws/access/grant-source.js';
import { principalAccessEdges } from '../../../../src/analyze/aws/access/principal-access.js';
import { summarizeAccess } from '../../../../src/analyze/aws/access/summarize-access.js';
import { buildIamModel } from '../../../../src/analyze/aws/estate/build-iam-model.js';
import type { EstatePrincipal } from '../../../../src/analyze/aws/estate/iam-estate.js';
import { requestPrincipalOf } from '../../../../src/analyze/aws/iam-model.js';
import {
  loadAwsActionCatalog,
  type ActionCatalog,
} from '../../../../src/analyze/aws/policy/index.js';

// Grouping principals, cutting their policies down and sharing one evaluation between stores
// must give exactly what evaluating every principal on every store on its own gives.

const A = '111111111111';
const B = '222222222222';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[], extra = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});

let catalog: ActionCatalog;
let actions: AccessActions;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
  actions = await loadAccessActions(catalog);
});

function estate() {
  const shared = [
    { id: `arn:aws:iam::${A}:policy/read-all`, document: doc(allow('s3:Get*', '*')) },
    { id: `arn:aws:iam::${A}:policy/team`, document: doc(allow('s3:*', 'arn:aws:s3:::team-*')) },
    {
      id: `arn:aws:iam::${A}:policy/prefix`,
      document: doc(allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::*/incoming/*')),
    },
    {
      id: `arn:aws:iam::${A}:policy/deny-put`,
      document: doc({ ...allow('s3:PutObject', '*'), Effect: 'Deny' }),
    },
  ];
  const principals: EstatePrincipal[] = [];
  for (let i = 0; i < 24; i++) {
    const account = i % 6 === 5 ? B : A;
    const kind = i % 2 ? 'role' : 'user';
    const id = `arn:aws:iam::${account}:${kind}/p${i}`;
    principals.push({
      id,
      kind,
      account,
      scope: `aws:${account}`,
      policies: [
        shared[i % 3] ?? shared[0]!,
        ...(i % 4 === 0 ? [shared[3]!] : []),
        ...(i % 7 === 0
          ? [
              {
                id: `${id}#inline/home`,
                document: doc(allow('s3:*', 'arn:aws:s3:::team-1/home/${aws:username}/*')),
              },
            ]
          : []),
      ].map((p) => ({ ...p, kind: 'customer-managed' as const })),
    });
  }
  return {
    accounts: [A, B].map((account) => ({ account, scope: `aws:${account}`, scpLevels: [] })),
    principals,
    groups: [],
  };
}

function stores(cache: ConstructorParameters<typeof Object>[0]): AccessTarget[] {
  const rows = [];
  for (let i = 0; i < 18; i++) {
    const name = `${i % 3 ? 'team' : 'misc'}-${i}`;
    const arn = `arn:aws:s3:::${name}`;
    const account = i % 5 === 3 ? B : A;
    const policies = [
      null,
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${B}:role/p5` },
        Action: 's3:GetObject',
        Resource: `${arn}/*`,
      }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: A },
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [arn, `${arn}/*`],
      }),
      // p10 shares its group with p22: the store's policy singles it out.
      doc({
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${A}:user/p10` },
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
      }),
    ];
    const policy = policies[i % policies.length];
    rows.push({
      id: arn,
      kind: 's3-bucket',
      account,
      region: 'us-east-1',
      policy: policy ? JSON.stringify(policy) : null,
      publicAccessBlock: null,
      accountPublicAccessBlock: null,
      aclGrants: null,
      objectOwnership: null,
      resourceId: null,
    });
  }
  return rows.flatMap((row) => accessTargetOf(row, cache as never) ?? []);
}

describe('shared evaluation of data access', () => {
  it('gives exactly the edges of evaluating every principal on every store alone', () => {
    const model = buildIamModel(estate(), catalog);
    const targets = stores(model.cache);
    const kind = actions.get('s3-bucket');
    if (!kind) throw new Error('no s3 actions');
    const fast = [
      ...principalAccessEdges({
        catalog,
        actions,
        model,
        targets,
        admins: new Set(),
        orgs: new Map(),
      }),
    ]
      .flat()
      .map(
        (e) =>
          `${e.from} ${e.to} ${e.result.levels.join(',')} ${e.result.conditionalLevels.join(',')} ${e.result.actions.join(',')}`,
      )
      .sort();
    const slow: string[] = [];
    for (const principal of model.principals) {
      for (const store of targets) {
        const patterns = principal.policies.identity.flatMap((p) =>
          p.statements.flatMap((s) => (s.effect === 'Allow' ? (s.resources?.patterns ?? []) : [])),
        );
        const userName = principal.kind === 'user' ? principal.id.split('/').pop() : undefined;
        const result = summarizeAccess(catalog, kind, [
          policyGrants({
            catalog,
            policies: {
              ...principal.policies,
              ...(store.policy ? { resource: [store.policy] } : {}),
            },
            principal: requestPrincipalOf(principal),
            resourceAccount: store.account,
            requests: accessRequests(
              store,
              kind,
              [...childPatterns(patterns), ...childPatterns(store.facts?.allowPatterns ?? [])],
              userName,
            ),
            context: callerContext(store.kind, principal.account),
          }),
        ]);
        if (result) {
          slow.push(
            `${principal.id} ${store.id} ${result.levels.join(',')} ${result.conditionalLevels.join(',')} ${result.actions.join(',')}`,
          );
        }
      }
    }
    expect(fast.length).toBeGreaterThan(100);
    expect(fast).toEqual(slow.sort());
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { canAssumeEdgesByRole } from '../../../src/analyze/aws/assume/can-assume.js';
import { buildIamModel } from '../../../src/analyze/aws/estate/build-iam-model.js';
import type { EstatePrincipal } from '../../../src/analyze/aws/estate/iam-estate.js';
import { loadAwsActionCatalog, type ActionCatalog } from '../../../src/analyze/aws/policy/index.js';

const A = '111111111111';
const B = '222222222222';
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const trusting = (...accounts: string[]) =>
  JSON.stringify(
    doc({
      Effect: 'Allow',
      Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) },
      Action: 'sts:AssumeRole',
    }),
  );
const user = (account: string, name: string, document: object): EstatePrincipal => ({
  id: `arn:aws:iam::${account}:user/${name}`,
  kind: 'user',
  account,
  scope: `aws:${account}`,
  policies: [{ id: `arn:aws:iam::${account}:user/${name}#inline/p`, document }],
});
const role = (account: string, name: string, trustPolicy: string): EstatePrincipal => ({
  id: `arn:aws:iam::${account}:role/${name}`,
  kind: 'role',
  account,
  scope: `aws:${account}`,
  trustPolicy,
  policies: [],
});

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
});

describe('CAN_ASSUME from admin-equivalent principals', () => {
  it('leaves out same-account edges the admin flag implies and keeps cross-account ones', () => {
    const admin = user(A, 'admin', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const dev = user(A, 'dev', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }));
    const model = buildIamModel(
      {
        accounts: [A, B].map((account) => ({ account, scope: `aws:${account}`, scpLevels: [] })),
        principals: [admin, dev, role(A, 'app', trusting(A)), role(B, 'audit', trusting(A))],
        groups: [],
      },
      catalog,
    );
    const pairs = (implied: ReadonlySet<string>) =>
      [...canAssumeEdgesByRole(model, implied)]
        .flatMap(([, edges]) => edges.map((e) => `${e.from.split(':').at(-1)} -> ${e.to}`))
        .sort();
    expect(pairs(new Set())).toEqual([
      `user/admin -> arn:aws:iam::${A}:role/app`,
      `user/admin -> arn:aws:iam::${B}:role/audit`,
      `user/dev -> arn:aws:iam::${A}:role/app`,
      `user/dev -> arn:aws:iam::${B}:role/audit`,
    ]);
    expect(pairs(new Set([admin.id]))).toEqual([
      `user/admin -> arn:aws:iam::${B}:role/audit`,
      `user/dev -> arn:aws:iam::${A}:role/app`,
      `user/dev -> arn:aws:iam::${B}:role/audit`,
    ]);
  });
});

// Writes seed/minimal/*.json: a tiny example estate (two AWS accounts) as Cairn snapshots.
// The full Acme demo estate in standard dump formats replaces it with the attack-path work.
import { writeFileSync } from 'node:fs';
import { flattenGraphRecords, type GraphRecords } from '../src/records/graph-records.js';

const account = (id: string, name: string, roles: string[], users: string[]): GraphRecords => {
  const arn = (kind: string, n: string): string => `arn:aws:iam::${id}:${kind}/${n}`;
  const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
  return {
    scope: { provider: 'AWS', id },
    nodes: [
      { model: 'AWSAccount', id, stub: false, properties: { name } },
      ...users.map((u) => ({
        model: 'AWSUser',
        id: arn('user', u),
        stub: false,
        properties: { name: u, path: '/' },
      })),
      {
        model: 'AWSGroup',
        id: arn('group', 'engineers'),
        stub: false,
        properties: { name: 'engineers', path: '/' },
      },
      ...roles.map((r) => ({
        model: 'AWSRole',
        id: arn('role', r),
        stub: false,
        properties: {
          name: r,
          path: '/',
          maxSessionDuration: 3600,
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${id}:root` },
                Action: 'sts:AssumeRole',
              },
            ],
          },
        },
      })),
      {
        model: 'AWSManagedPolicy',
        id: admin,
        stub: false,
        properties: {
          name: 'AdministratorAccess',
          defaultVersionId: 'v1',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
          },
        },
      },
    ],
    relationships: [
      ...users.map((u) => ({
        type: 'MEMBER_OF',
        from: arn('user', u),
        to: arn('group', 'engineers'),
        properties: {},
      })),
      {
        type: 'HAS_POLICY',
        from: arn('role', roles[0] ?? ''),
        to: admin,
        properties: { attachment: 'managed' },
      },
      ...roles.map((r) => ({ type: 'IN_ACCOUNT', from: arn('role', r), to: id, properties: {} })),
    ],
  };
};

const estates = {
  'acme-prod.json': account(
    '111122223333',
    'acme-prod',
    ['OrganizationAdmin', 'deploy', 'billing-reader'],
    ['alice', 'bob'],
  ),
  'acme-dev.json': account('444455556666', 'acme-dev', ['DevAdmin', 'ci-runner'], ['carol']),
};
for (const [file, records] of Object.entries(estates)) {
  const snapshot = { format: 'cairn-snapshot', version: 1, ...flattenGraphRecords(records) };
  writeFileSync(
    new URL(`../seed/minimal/${file}`, import.meta.url),
    `${JSON.stringify(snapshot, null, 2)}\n`,
  );
}
console.log('wrote seed/minimal/');

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ec2OutputsToRecords } from '../../../src/collectors/aws/ec2/ec2-to-records.js';
import { withGaps } from '../../../src/collectors/aws/scan-context.js';
import { importFormats } from '../../../src/collectors/import-formats.js';
import { readSnapshot } from '../../../src/collectors/snapshot/read-snapshot.js';
import {
  prepareSnapshotDir,
  snapshotFileName,
  writeSnapshot,
} from '../../../src/collectors/snapshot/write-snapshot.js';
import type { GraphRecords } from '../../../src/records/graph-records.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'cairn-snapshot-'));

/** A small EC2 scope as the live collector builds it: full nodes, stubs, json properties, a gap. */
function ec2Scope(): GraphRecords {
  const group = {
    GroupId: 'sg-0a1',
    GroupName: 'web',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-0a1',
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ],
    IpPermissionsEgress: [],
  };
  const records = ec2OutputsToRecords(
    {
      'describe-instances': [
        {
          Reservations: [
            {
              OwnerId: ACCOUNT,
              Instances: [
                {
                  InstanceId: 'i-0a1',
                  State: { Name: 'running' },
                  SubnetId: 'subnet-0a1',
                  VpcId: 'vpc-0a1',
                  LaunchTime: '2025-01-02T03:04:05.000Z',
                  Placement: { AvailabilityZone: `${REGION}a` },
                  SecurityGroups: [{ GroupId: 'sg-0a1', GroupName: 'web' }],
                  IamInstanceProfile: {
                    Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
                  },
                  Tags: [{ Key: 'Name', Value: 'web-1' }],
                },
              ],
            },
          ],
        },
      ],
      'describe-security-groups': [{ SecurityGroups: [group] }],
      'describe-subnets': [
        {
          Subnets: [
            {
              SubnetId: 'subnet-0a1',
              VpcId: 'vpc-0a1',
              CidrBlock: '10.0.0.0/24',
              AvailabilityZone: `${REGION}a`,
              OwnerId: ACCOUNT,
            },
          ],
        },
      ],
      'describe-route-tables': [{ RouteTables: [] }],
      'describe-internet-gateways': [{ InternetGateways: [] }],
      'describe-network-acls': [],
      'describe-network-interfaces': [{ NetworkInterfaces: [] }],
    },
    'test ec2',
    { account: ACCOUNT, region: REGION },
  );
  return withGaps(records, [
    {
      service: 'ec2',
      operation: 'DescribeNetworkAcls',
      region: REGION,
      errorCode: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
    },
  ]).records;
}

describe('writeSnapshot', () => {
  it('writes what readSnapshot reads back, exactly', async () => {
    const records = ec2Scope();
    expect(records.nodes.some((n) => n.stub)).toBe(true);
    expect(records.nodes.some((n) => n.model === 'CoverageGap')).toBe(true);
    const dir = tmp();
    const file = await writeSnapshot(dir, records);
    expect(path.basename(file)).toBe(`aws_${ACCOUNT}_${REGION}_ec2.json`);

    const read = await readSnapshot(file);
    // A file holds JSON: what it cannot hold (undefined properties) is all that may differ.
    expect(read).toStrictEqual(JSON.parse(JSON.stringify(records)));
    // And writing what was read gives the same bytes.
    const again = await writeSnapshot(tmp(), read);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('replaces the earlier snapshot of the same scope and leaves no partial file', async () => {
    const dir = tmp();
    const records = ec2Scope();
    await writeSnapshot(dir, records);
    await writeSnapshot(dir, { ...records, nodes: records.nodes.slice(0, 1), relationships: [] });
    expect(readdirSync(dir)).toEqual([`aws_${ACCOUNT}_${REGION}_ec2.json`]);
    const read = await readSnapshot(path.join(dir, readdirSync(dir)[0] ?? ''));
    expect(read.nodes).toHaveLength(1);
  });
});

describe('snapshotFileName', () => {
  it('is readable for the usual scopes', () => {
    expect(snapshotFileName({ provider: 'AWS', id: ACCOUNT })).toBe(`aws_${ACCOUNT}.json`);
    expect(snapshotFileName({ provider: 'AWS', id: 'org/o-abc123' })).toBe('aws_org_o-abc123.json');
  });

  it('never gives two scopes the same name, nor a path', () => {
    const ids = ['a/b', 'a_b', 'a:b', 'a@b', 'a/b_', `${'x'.repeat(250)}1`, `${'x'.repeat(250)}2`];
    const names = ids.map((id) => snapshotFileName({ provider: 'AWS', id }));
    expect(new Set(names).size).toBe(ids.length);
    for (const name of [...names, snapshotFileName({ provider: 'AWS', id: '../../etc/x' })]) {
      expect(name).toMatch(/^[A-Za-z0-9._+-]+\.json$/);
      expect(name.length).toBeLessThanOrEqual(220);
    }
  });
});

describe('prepareSnapshotDir', () => {
  it('creates missing directories', async () => {
    const dir = path.join(tmp(), 'a', 'b');
    await prepareSnapshotDir(dir);
    await expect(writeSnapshot(dir, ec2Scope())).resolves.toContain(dir);
  });

  it('refuses a path that is a file, in one line', async () => {
    const file = path.join(tmp(), 'taken');
    writeFileSync(file, 'x');
    await expect(prepareSnapshotDir(file)).rejects.toThrow(
      /^.*taken: exists and is not a directory \(snapshots go into one\)$/,
    );
  });
});

describe('import aws-snapshot', () => {
  const format = importFormats.get('aws-snapshot');

  it('reads a directory of AWS snapshots', async () => {
    const dir = tmp();
    const records = ec2Scope();
    await writeSnapshot(dir, records);
    await writeSnapshot(dir, {
      scope: { provider: 'AWS', id: ACCOUNT },
      nodes: [],
      relationships: [],
    });
    const scopes = await format?.read([dir]);
    expect(scopes?.map((s) => s.scope.id)).toEqual([ACCOUNT, `${ACCOUNT}/${REGION}/ec2`]);
  });

  it("refuses a snapshot of another cloud's scope", async () => {
    const dir = tmp();
    const file = await writeSnapshot(dir, {
      scope: { provider: 'GCP', id: 'my-project' },
      nodes: [],
      relationships: [],
    });
    await expect(format?.read([file])).rejects.toThrow(
      `${file}: scope gcp:my-project is not an AWS scope (aws-snapshot reads what \`cairn scan aws --out\` writes)`,
    );
  });
});

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEc2Dirs } from '../../../../src/collectors/aws/ec2/read-ec2-dir.js';

const CASE = 'test/cases/aws-reachability/private-instance-behind-alb/ec2';
const dirs: string[] = [];
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-ec2-'));
  dirs.push(dir);
  cpSync(CASE, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cairn import aws-ec2', () => {
  it('turns the describe outputs into one scope per directory, ids as ARNs', async () => {
    const [records] = await readEc2Dirs([CASE]);
    expect(records?.scope).toEqual({ provider: 'AWS', id: '111122223333/eu-west-1/ec2' });
    const ids = new Set(records?.nodes.filter((n) => !n.stub).map((n) => n.id));
    expect(ids).toContain('arn:aws:ec2:eu-west-1:111122223333:instance/i-0fedcba9876543210');
    expect(ids).toContain('arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0alb');
    const rel = (type: string) => records?.relationships.filter((r) => r.type === type) ?? [];
    // The private subnet has no explicit association: it inherits the main route table.
    expect(rel('ROUTES_FOR')).toContainEqual({
      type: 'ROUTES_FOR',
      from: 'arn:aws:ec2:eu-west-1:111122223333:route-table/rtb-0main',
      to: 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0f66f66f66f66f66f',
      properties: { implicit: true },
    });
    expect(rel('HAS_TARGET')).toHaveLength(1);
    expect(rel('FORWARDS_TO')[0]?.properties).toEqual({ protocol: 'HTTPS', port: 443 });
  });

  it('names a missing required output', async () => {
    const dir = copy();
    rmSync(path.join(dir, 'describe-network-acls.json'));
    await expect(readEc2Dirs([dir])).rejects.toThrow(`${dir}: missing describe-network-acls.json`);
  });

  it('refuses a file it does not know, naming it', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'describe-flow-logs.json'), '{}');
    await expect(readEc2Dirs([dir])).rejects.toThrow(
      /describe-flow-logs\.json: not an output Cairn reads/,
    );
  });

  it('names the file, line and column of truncated JSON', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'describe-subnets.json'), '{"Subnets": [{"SubnetId": "subnet-1"');
    await expect(readEc2Dirs([dir])).rejects.toThrow(/describe-subnets\.json.*(truncated|end)/i);
  });

  it('names the field of a value of the wrong type', async () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'describe-security-groups.json'),
      JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 6 }] }] }),
    );
    await expect(readEc2Dirs([dir])).rejects.toThrow(
      /describe-security-groups\.json: field "SecurityGroups\.0\.IpPermissions\.0\.IpProtocol"/,
    );
  });

  it('refuses outputs of two accounts in one directory', async () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'describe-security-groups.json'),
      JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', OwnerId: '999999999999' }] }),
    );
    await expect(readEc2Dirs([dir])).rejects.toThrow(/several accounts/);
  });

  it('is not fooled by a hostile string: it stays data, quoted in the records', async () => {
    const dir = copy();
    const hostile = "x'}) DETACH DELETE n //\u0000\n";
    writeFileSync(
      path.join(dir, 'describe-vpcs.json'),
      JSON.stringify({
        Vpcs: [
          {
            VpcId: 'vpc-0a11a11a11a11a11a',
            OwnerId: '111122223333',
            Tags: [{ Key: 'Name', Value: hostile }],
          },
        ],
      }),
    );
    const [records] = await readEc2Dirs([dir]);
    const vpc = records?.nodes.find((n) => n.model === 'AWSVpc');
    expect(vpc?.properties['tags']).toEqual({ Name: hostile });
  });
});

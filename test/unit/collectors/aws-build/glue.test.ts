import { describe, expect, it } from 'vitest';
import { glueToRecords } from '../../../../src/collectors/aws/glue/glue-to-records.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { ACCOUNT, REGION, relsFrom, valid } from './fake-aws.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/glue-dev`;
const arn = (name: string): string => `arn:aws:glue:${REGION}:${ACCOUNT}:devEndpoint/${name}`;
const KEY_ONE = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCone dev@laptop';
const KEY_TWO = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItwo ops@bastion';

// GetDevEndpoints entries as `aws glue get-dev-endpoints` prints them.
const publicEndpoint = {
  EndpointName: 'sandbox',
  RoleArn: ROLE,
  PublicAddress: 'ec2-3-80-1-2.compute-1.amazonaws.com',
  Status: 'READY',
  GlueVersion: '1.0',
  WorkerType: 'G.1X',
  NumberOfWorkers: 2,
  CreatedTimestamp: '2026-05-05T10:00:00.000Z',
  LastModifiedTimestamp: '2026-05-06T10:00:00.000Z',
  PublicKey: KEY_ONE,
  PublicKeys: [KEY_ONE, KEY_TWO],
  Arguments: { '--enable-glue-datacatalog': '', GLUE_PYTHON_VERSION: '3' },
};
const vpcEndpoint = {
  EndpointName: 'etl-private',
  RoleArn: ROLE,
  SubnetId: 'subnet-0a1b2c3d4e5f',
  VpcId: 'vpc-0a1b2c3d',
  SecurityGroupIds: ['sg-0aaa', 'sg-0bbb'],
  PrivateAddress: '10.0.3.7',
  Status: 'READY',
  SecurityConfiguration: 'encrypted-logs',
};
const at = { account: ACCOUNT, region: REGION };

describe('Glue dev endpoints to records', () => {
  it('keeps the role, addresses and a count of keys (never the keys)', () => {
    const records = valid(
      glueToRecords({ devEndpoints: [publicEndpoint, vpcEndpoint] }, at, 'test'),
    );
    expect(records.scope.id).toBe(`${ACCOUNT}/${REGION}/glue`);
    expect(records.nodes.find((n) => n.id === arn('sandbox'))?.properties).toEqual({
      account: ACCOUNT,
      region: REGION,
      name: 'sandbox',
      roleArn: ROLE,
      status: 'READY',
      publicAddress: 'ec2-3-80-1-2.compute-1.amazonaws.com',
      publicKeyCount: 2,
      glueVersion: '1.0',
      workerType: 'G.1X',
      createdTimestamp: '2026-05-05T10:00:00.000Z',
      lastModifiedTimestamp: '2026-05-06T10:00:00.000Z',
    });
    expect(relsFrom(records, arn('sandbox'), 'RUNS_AS')).toEqual([ROLE]);
    expect(relsFrom(records, arn('sandbox'), 'IN_SUBNET')).toEqual([]);

    expect(records.nodes.find((n) => n.id === arn('etl-private'))?.properties).toMatchObject({
      privateAddress: '10.0.3.7',
      subnetId: 'subnet-0a1b2c3d4e5f',
      vpcId: 'vpc-0a1b2c3d',
      publicKeyCount: 0,
      securityConfiguration: 'encrypted-logs',
    });
    expect(relsFrom(records, arn('etl-private'), 'IN_SUBNET')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0a1b2c3d4e5f`,
    ]);
    expect(relsFrom(records, arn('etl-private'), 'HAS_SECURITY_GROUP').sort()).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0aaa`,
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0bbb`,
    ]);
    const text = JSON.stringify(records);
    expect(text).not.toContain('AAAAB3');
    expect(text).not.toContain('GLUE_PYTHON_VERSION');
  });

  it('counts the single older-style key', () => {
    const { PublicKeys: _keys, ...single } = publicEndpoint;
    const records = glueToRecords({ devEndpoints: [single] }, at, 'test');
    expect(records.nodes[0]?.properties['publicKeyCount']).toBe(1);
  });

  it('records an endpoint without a role, with no RUNS_AS', () => {
    const { RoleArn: _role, ...roleless } = vpcEndpoint;
    const records = valid(glueToRecords({ devEndpoints: [roleless] }, at, 'test'));
    expect(relsFrom(records, arn('etl-private'), 'RUNS_AS')).toEqual([]);
  });

  it.each([
    [
      { ...vpcEndpoint, EndpointName: 'etl\nprivate' },
      'field "EndpointName": expected an endpoint name',
    ],
    [{ ...vpcEndpoint, EndpointName: '' }, 'field "EndpointName"'],
    [{ ...vpcEndpoint, RoleArn: 'glue-dev' }, 'field "RoleArn": expected an IAM role ARN'],
    [{ ...vpcEndpoint, SubnetId: 'subnet-0a/../x' }, 'field "SubnetId": expected a subnet-... id'],
    [
      { ...vpcEndpoint, SecurityGroupIds: ['default'] },
      'field "SecurityGroupIds.0": expected a sg-... id',
    ],
    [{ ...vpcEndpoint, PublicKeys: Array(101).fill(KEY_ONE) }, 'field "PublicKeys"'],
    [{ ...vpcEndpoint, CreatedTimestamp: 12 }, 'field "CreatedTimestamp"'],
    [42, 'expected an object'],
  ])('rejects a malformed endpoint: %#', (entry, problem) => {
    const convert = () => glueToRecords({ devEndpoints: [publicEndpoint, entry] }, at, 'glue');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`glue: DevEndpoints[1]: ${problem}`);
  });

  it('never quotes a key in an error', () => {
    const convert = () =>
      glueToRecords({ devEndpoints: [{ ...vpcEndpoint, PublicKey: ['x', KEY_ONE] }] }, at, 'glue');
    expect(convert).toThrow(BadInputError);
    expect(convert).not.toThrow(/AAAAB3/);
  });
});

import { describe, expect, it } from 'vitest';
import { ssmCollector } from '../../../../src/collectors/aws/ssm/collect-ssm.js';
import { partitionOfRegion } from '../../../../src/collectors/aws/resources/partition-of-region.js';
import { ssmToRecords } from '../../../../src/collectors/aws/ssm/ssm-to-records.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import {
  ACCOUNT,
  REGION,
  awsError,
  collectWith,
  failingFirst,
  fakeAws,
  relsFrom,
  valid,
} from './fake-aws.js';

// moto 5.2.1 does not implement DescribeInstanceInformation: these answers follow the API
// reference (an EC2 instance and a hybrid activation's machine, as `aws ssm` prints them).
const ec2Managed = {
  InstanceId: 'i-0abc123def4567890',
  PingStatus: 'Online',
  LastPingDateTime: '2026-11-20T10:15:30.123000+00:00',
  AgentVersion: '3.3.131.0',
  IsLatestVersion: false,
  PlatformType: 'Linux',
  PlatformName: 'Amazon Linux',
  PlatformVersion: '2023',
  ResourceType: 'EC2Instance',
  IPAddress: '10.0.1.25',
  ComputerName: 'ip-10-0-1-25.ec2.internal',
  AssociationStatus: 'Success',
  SourceId: 'i-0abc123def4567890',
  SourceType: 'AWS::EC2::Instance',
};
const hybrid = {
  InstanceId: 'mi-0123456789abcdef0',
  PingStatus: 'ConnectionLost',
  LastPingDateTime: '2026-11-01T08:00:00Z',
  AgentVersion: '3.2.582.0',
  PlatformType: 'Windows',
  PlatformName: 'Microsoft Windows Server 2019 Datacenter',
  ActivationId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  IamRole: 'SSMServiceRole',
  RegistrationDate: '2026-01-01T00:00:00Z',
  ResourceType: 'ManagedInstance',
  Name: 'build-box',
  ComputerName: 'BUILD-BOX',
};
const at = { account: ACCOUNT, region: REGION };
const managedArn = (id: string): string =>
  `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance/${id}`;

describe('SSM managed instances to records', () => {
  it('links managed EC2 instances to their instance, and not hybrid machines', () => {
    const records = valid(ssmToRecords({ instances: [ec2Managed, hybrid] }, at, 'test'));
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${REGION}/ssm` });
    const ec2 = records.nodes.find((n) => n.id === managedArn('i-0abc123def4567890'));
    expect(ec2?.properties).toEqual({
      account: ACCOUNT,
      region: REGION,
      instanceId: 'i-0abc123def4567890',
      resourceType: 'EC2Instance',
      pingStatus: 'Online',
      lastPingDateTime: '2026-11-20T10:15:30.123Z',
      platformType: 'Linux',
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      agentVersion: '3.3.131.0',
      isLatestVersion: false,
      computerName: 'ip-10-0-1-25.ec2.internal',
      ipAddress: '10.0.1.25',
    });
    const instanceArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0abc123def4567890`;
    expect(relsFrom(records, ec2?.id ?? '', 'SSM_MANAGES')).toEqual([instanceArn]);
    expect(records.nodes.find((n) => n.id === instanceArn)).toMatchObject({
      model: 'AWSEC2Instance',
      stub: true,
      properties: {},
    });

    const machine = records.nodes.find((n) => n.id === managedArn('mi-0123456789abcdef0'));
    expect(machine?.properties).toMatchObject({
      resourceType: 'ManagedInstance',
      pingStatus: 'ConnectionLost',
      iamRole: 'SSMServiceRole',
      activationId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      registrationDate: '2026-01-01T00:00:00.000Z',
    });
    expect(relsFrom(records, machine?.id ?? '', 'SSM_MANAGES')).toEqual([]);
    expect(records.nodes.filter((n) => n.model === 'AWSEC2Instance')).toHaveLength(1);
  });

  it("builds ARNs in the region's partition", () => {
    const records = ssmToRecords(
      { instances: [ec2Managed] },
      { account: ACCOUNT, region: 'cn-north-1' },
      'test',
    );
    expect(records.nodes.map((n) => n.id).sort()).toEqual([
      `arn:aws-cn:ec2:cn-north-1:${ACCOUNT}:instance/i-0abc123def4567890`,
      `arn:aws-cn:ssm:cn-north-1:${ACCOUNT}:managed-instance/i-0abc123def4567890`,
    ]);
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('us-isob-east-1')).toBe('aws-iso-b');
    expect(partitionOfRegion('us-iso-east-1')).toBe('aws-iso');
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
  });

  it.each([
    [
      { ...hybrid, InstanceId: 'i-0abc/../../x' },
      'field "InstanceId": expected an i-... or mi-...',
    ],
    [{ ...hybrid, InstanceId: undefined }, 'field "InstanceId"'],
    [{ ...hybrid, LastPingDateTime: 'yesterday' }, 'field "LastPingDateTime": expected a date'],
    [{ ...hybrid, PingStatus: 'x'.repeat(10_000) }, 'field "PingStatus"'],
    [{ ...hybrid, IsLatestVersion: 'yes' }, 'field "IsLatestVersion"'],
    ['i-0abc', 'expected an object'],
    [null, 'expected an object'],
  ])('rejects a malformed entry: %#', (entry, problem) => {
    const convert = () => ssmToRecords({ instances: [ec2Managed, entry] }, at, 'ssm answer');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`ssm answer: InstanceInformationList[1]: ${problem}`);
  });
});

describe('ssmCollector', () => {
  const pages: Record<string, { InstanceInformationList: object[]; NextToken?: string }> = {
    '': { InstanceInformationList: [ec2Managed], NextToken: 'p2' },
    p2: { InstanceInformationList: [], NextToken: 'p3' },
    p3: { InstanceInformationList: [hybrid] },
  };
  const byToken = (input: Record<string, unknown>): object =>
    pages[typeof input['NextToken'] === 'string' ? input['NextToken'] : ''] ?? {};

  it('follows every page, asking for no fewer than the API allows', async () => {
    const fake = fakeAws({ DescribeInstanceInformationCommand: byToken });
    const { records, gaps } = await collectWith(ssmCollector, fake, 2);
    expect(gaps).toEqual([]);
    expect(fake.calls).toEqual([
      'DescribeInstanceInformationCommand {"MaxResults":5}',
      'DescribeInstanceInformationCommand {"MaxResults":5,"NextToken":"p2"}',
      'DescribeInstanceInformationCommand {"MaxResults":5,"NextToken":"p3"}',
    ]);
    expect(records.nodes.filter((n) => n.model === 'AWSSsmManagedInstance')).toHaveLength(2);
  });

  it('retries a throttled page and completes', async () => {
    const throttled = () => awsError('ThrottlingException', 400);
    const fake = fakeAws({
      DescribeInstanceInformationCommand: failingFirst(2, throttled, byToken),
    });
    const { records } = await collectWith(ssmCollector, fake);
    expect(fake.calls).toHaveLength(5);
    expect(relsFrom(records, managedArn('i-0abc123def4567890'), 'SSM_MANAGES')).toHaveLength(1);
  });

  it('records access denied as a coverage gap', async () => {
    const fake = fakeAws({
      DescribeInstanceInformationCommand: () => {
        throw awsError('AccessDeniedException', 400);
      },
    });
    const { records, gaps } = await collectWith(ssmCollector, fake);
    expect(gaps).toEqual([
      expect.objectContaining({
        service: 'ssm',
        operation: 'DescribeInstanceInformation',
        region: REGION,
        errorCode: 'AccessDeniedException',
      }),
    ]);
    expect(records.nodes.map((n) => n.model)).toEqual(['CoverageGap']);
  });
});

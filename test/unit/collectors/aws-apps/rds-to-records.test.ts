import { describe, expect, it } from 'vitest';
import { rdsToRecords } from '../../../../src/collectors/aws/rds/rds-to-records.js';
import { ACCOUNT, at, badInputMessage, expectValid, nodeById, rels } from './helpers.js';

const dbArn = `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-db`;
const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234abcd`;
const net = (type: string, id: string): string => `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}/${id}`;

function instance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    DBInstanceIdentifier: 'orders-db',
    DBInstanceArn: dbArn,
    Engine: 'postgres',
    EngineVersion: '16.2',
    DBInstanceClass: 'db.t3.micro',
    DBInstanceStatus: 'available',
    MasterUsername: 'admin',
    PubliclyAccessible: true,
    StorageEncrypted: true,
    KmsKeyId: key,
    Endpoint: { Address: 'orders-db.abc.us-east-1.rds.amazonaws.com', Port: 5432 },
    IAMDatabaseAuthenticationEnabled: true,
    DbiResourceId: 'db-ABCDEFGHIJKL',
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db', Status: 'active' }],
    DBSubnetGroup: {
      VpcId: 'vpc-0a',
      Subnets: [{ SubnetIdentifier: 'subnet-01' }, { SubnetIdentifier: 'subnet-02' }],
    },
    DeletionProtection: false,
    BackupRetentionPeriod: 0,
    MultiAZ: false,
    AutoMinorVersionUpgrade: true,
    TagList: [{ Key: 'env', Value: 'prod' }],
    ...overrides,
  };
}

describe('rdsToRecords', () => {
  it('records an instance with its exposure, encryption, IAM auth and placement', () => {
    const records = rdsToRecords(
      [{ DBInstances: [instance()], Marker: 'm' }, { DBInstances: [] }],
      at,
      'test',
    );
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/rds` });
    expect(nodeById(records, dbArn)).toMatchObject({
      model: 'AWSRdsInstance',
      properties: {
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'orders-db',
        engine: 'postgres',
        engineVersion: '16.2',
        instanceClass: 'db.t3.micro',
        status: 'available',
        publiclyAccessible: true,
        storageEncrypted: true,
        kmsKeyId: key,
        endpointAddress: 'orders-db.abc.us-east-1.rds.amazonaws.com',
        endpointPort: 5432,
        iamDatabaseAuthentication: true,
        resourceId: 'db-ABCDEFGHIJKL',
        vpcId: 'vpc-0a',
        deletionProtection: false,
        backupRetentionPeriod: 0,
        multiAz: false,
        autoMinorVersionUpgrade: true,
        tags: { env: 'prod' },
      },
    });
    expect(rels(records, 'IN_SUBNET')).toEqual([
      `${dbArn} -> ${net('subnet', 'subnet-01')}`,
      `${dbArn} -> ${net('subnet', 'subnet-02')}`,
    ]);
    expect(rels(records, 'HAS_SECURITY_GROUP')).toEqual([
      `${dbArn} -> ${net('security-group', 'sg-0db')}`,
    ]);
    expect(rels(records, 'IN_VPC')).toEqual([`${dbArn} -> ${net('vpc', 'vpc-0a')}`]);
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${dbArn} -> ${key}`]);
    expect(JSON.stringify(records)).not.toContain('MasterUsername');
    expectValid(records);
  });

  it('builds placement ARNs in the partition of the instance', () => {
    const cn = 'arn:aws-cn:rds:cn-north-1:123456789012:db:x';
    const records = rdsToRecords(
      [{ DBInstances: [instance({ DBInstanceArn: cn, KmsKeyId: undefined })] }],
      { account: ACCOUNT, region: 'cn-north-1' },
      'test',
    );
    expect(rels(records, 'IN_VPC')).toEqual([
      `${cn} -> arn:aws-cn:ec2:cn-north-1:${ACCOUNT}:vpc/vpc-0a`,
    ]);
  });

  it('records an unencrypted instance outside a subnet group without links', () => {
    const records = rdsToRecords(
      [
        {
          DBInstances: [
            instance({
              StorageEncrypted: false,
              KmsKeyId: undefined,
              DBSubnetGroup: undefined,
              VpcSecurityGroups: [],
            }),
          ],
        },
      ],
      at,
      'test',
    );
    expect(nodeById(records, dbArn)?.properties).toMatchObject({ storageEncrypted: false });
    expect(records.relationships).toEqual([]);
    expectValid(records);
  });

  it.each([
    ['a page that is not an object', ['x'], 'test: page 1: expected an object'],
    ['DBInstances that is not a list', [{ DBInstances: 'x' }], 'test: page 1: field "DBInstances"'],
    [
      'an instance without an ARN',
      [{ DBInstances: [instance({ DBInstanceArn: undefined })] }],
      'test: page 1: DBInstances[0]: field "DBInstanceArn"',
    ],
    [
      'a port out of range',
      [{ DBInstances: [instance({ Endpoint: { Port: 70000 } })] }],
      'field "Endpoint.Port"',
    ],
    [
      'a security group id that is not one',
      [{ DBInstances: [instance({ VpcSecurityGroups: [{ VpcSecurityGroupId: 'x/../y' }] })] }],
      'field "VpcSecurityGroups.0.VpcSecurityGroupId": expected a sg-... id',
    ],
    [
      'publiclyAccessible that is not a boolean',
      [{ DBInstances: [instance({ PubliclyAccessible: 'yes' })] }],
      'field "PubliclyAccessible"',
    ],
    [
      'a VPC id that is not one',
      [{ DBInstances: [instance({ DBSubnetGroup: { VpcId: 'vpc/../x' } })] }],
      'field "DBSubnetGroup.VpcId": expected a vpc-... id',
    ],
  ])('rejects %s with a BadInputError naming where', (_what, pages, expected) => {
    expect(badInputMessage(() => rdsToRecords(pages, at, 'test'))).toContain(expected);
  });
});

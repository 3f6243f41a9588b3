import { describe, expect, it } from 'vitest';
import { eksToRecords } from '../../../../src/collectors/aws/eks/eks-to-records.js';
import { ACCOUNT, at, badInputMessage, expectValid, nodeById, rels } from './helpers.js';

const clusterArn = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`;
const role = `arn:aws:iam::${ACCOUNT}:role/eks-cluster`;
const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/abcd-ef`;
const net = (type: string, id: string): string => `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}/${id}`;

function cluster(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'prod',
    arn: clusterArn,
    version: '1.30',
    platformVersion: 'eks.4',
    status: 'ACTIVE',
    createdAt: '2024-01-02T03:04:05.000Z',
    endpoint: 'https://ABC.gr7.us-east-1.eks.amazonaws.com',
    roleArn: role,
    resourcesVpcConfig: {
      subnetIds: ['subnet-a', 'subnet-b'],
      securityGroupIds: ['sg-extra'],
      clusterSecurityGroupId: 'sg-cluster',
      vpcId: 'vpc-main',
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    identity: { oidc: { issuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC' } },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: key } }],
    logging: {
      clusterLogging: [
        { types: ['audit', 'api'], enabled: true },
        { types: ['scheduler'], enabled: false },
      ],
    },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    certificateAuthority: { data: 'LS0t' },
    tags: { env: 'prod' },
    ...overrides,
  };
}

describe('eksToRecords', () => {
  it('records a cluster with its endpoint exposure, role, placement, key and logs', () => {
    const records = eksToRecords([{ cluster: cluster() }], at, 'test');
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/eks` });
    expect(nodeById(records, clusterArn)?.properties).toMatchObject({
      account: ACCOUNT,
      region: 'us-east-1',
      name: 'prod',
      version: '1.30',
      platformVersion: 'eks.4',
      status: 'ACTIVE',
      createdAt: '2024-01-02T03:04:05.000Z',
      roleArn: role,
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC',
      vpcId: 'vpc-main',
      kmsKeyId: key,
      enabledLogTypes: ['api', 'audit'],
      authenticationMode: 'API_AND_CONFIG_MAP',
      tags: { env: 'prod' },
    });
    expect(rels(records, 'RUNS_AS')).toEqual([`${clusterArn} -> ${role}`]);
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${clusterArn} -> ${key}`]);
    expect(rels(records, 'IN_VPC')).toEqual([`${clusterArn} -> ${net('vpc', 'vpc-main')}`]);
    expect(rels(records, 'IN_SUBNET')).toEqual([
      `${clusterArn} -> ${net('subnet', 'subnet-a')}`,
      `${clusterArn} -> ${net('subnet', 'subnet-b')}`,
    ]);
    expect(rels(records, 'HAS_SECURITY_GROUP')).toEqual([
      `${clusterArn} -> ${net('security-group', 'sg-cluster')}`,
      `${clusterArn} -> ${net('security-group', 'sg-extra')}`,
    ]);
    expectValid(records);
  });

  it('records a cluster without encryption, logging or access config', () => {
    const records = eksToRecords(
      [
        {
          cluster: cluster({
            encryptionConfig: undefined,
            logging: { clusterLogging: [] },
            accessConfig: undefined,
          }),
        },
      ],
      at,
      'test',
    );
    const properties = nodeById(records, clusterArn)?.properties ?? {};
    expect(properties['enabledLogTypes']).toEqual([]);
    expect(properties).not.toHaveProperty('kmsKeyId');
    expect(properties).not.toHaveProperty('authenticationMode');
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([]);
    expectValid(records);
  });

  it.each([
    [
      'an answer without a cluster',
      [{}],
      'test: DescribeCluster[0]: field "cluster": Invalid input: expected object, received undefined',
    ],
    [
      'a cluster ARN of another service',
      [{ cluster: cluster({ arn: `arn:aws:iam::${ACCOUNT}:role/x` }) }],
      'field "arn": expected a \'eks\' ARN',
    ],
    [
      'a role that is not a role ARN',
      [{ cluster: cluster({ roleArn: 'arn:aws:iam::123:user/x' }) }],
      'field "roleArn": expected an IAM role ARN',
    ],
    [
      'public access that is not a boolean',
      [{ cluster: cluster({ resourcesVpcConfig: { endpointPublicAccess: 'true' } }) }],
      'field "resourcesVpcConfig.endpointPublicAccess"',
    ],
    [
      'a creation date that is not one',
      [{ cluster: cluster({ createdAt: 12 }) }],
      'field "createdAt"',
    ],
  ])('rejects %s with a BadInputError naming where', (_what, answers, expected) => {
    expect(badInputMessage(() => eksToRecords(answers, at, 'test'))).toContain(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../../src/analyze/aws/network/compute-exposure.js';
import type { NetworkEstate } from '../../../../src/analyze/aws/network/network-estate.js';

const SUBNET = 'subnet-arn';
const GROUP = 'sg-arn';
const allowAll = (egress: boolean) => ({
  RuleNumber: 100,
  Protocol: '-1',
  RuleAction: 'allow',
  Egress: egress,
  CidrBlock: '0.0.0.0/0',
});

function estate(entries: unknown, ingress: unknown): NetworkEstate {
  return {
    subnets: new Map([
      [
        SUBNET,
        {
          id: SUBNET,
          vpc: 'vpc-arn',
          cidrs: ['10.0.1.0/24'],
          routeTable: {
            id: 'rtb-arn',
            routes: JSON.stringify([{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }]),
          },
          nacl: { id: 'acl-arn', entries: JSON.stringify(entries) },
        },
      ],
    ]),
    gateways: [{ id: 'igw-arn', gatewayId: 'igw-1', vpcs: ['vpc-arn'], egressOnly: false }],
    securityGroups: new Map([
      [GROUP, { id: GROUP, groupId: 'sg-1', ingress: JSON.stringify(ingress) }],
    ]),
    endpoints: [
      { owner: 'i-arn', subnets: [SUBNET], groups: [GROUP], hasPublicIpv4: true, hasIpv6: false },
    ],
    loadBalancers: [],
    instances: new Map(),
    functionUrls: [],
  };
}
const ssh = [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

describe('computeExposure', () => {
  it('reaches an open port through a routed subnet, its ACL and its group', () => {
    const { exposure, problems } = computeExposure(estate([allowAll(false), allowAll(true)], ssh));
    expect(exposure.get('i-arn')?.map((e) => [e.protocol, e.fromPort, e.toPort])).toEqual([
      ['tcp', 22, 22],
    ]);
    expect(problems).toEqual([]);
  });

  it('leaves a hop whose rules cannot be read unreachable, and says so once', () => {
    const { exposure, problems } = computeExposure(estate([{ RuleNumber: 'first' }], ssh));
    expect(exposure.size).toBe(0);
    expect(problems).toEqual(['acl-arn entries could not be read']);
  });
});

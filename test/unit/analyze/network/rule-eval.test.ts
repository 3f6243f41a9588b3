import { describe, expect, it } from 'vitest';
import { aclAllowed, replyAddresses } from '../../../../src/analyze/aws/network/acl-eval.js';
import { addressPoint } from '../../../../src/analyze/aws/network/address-space.js';
import { exposureRanges } from '../../../../src/analyze/aws/network/exposure-ranges.js';
import { IntervalSet } from '../../../../src/analyze/aws/network/interval-set.js';
import type { AclEntry } from '../../../../src/analyze/aws/network/network-rules.js';
import { gatewayReach } from '../../../../src/analyze/aws/network/route-eval.js';

const point = (ip: string): IntervalSet => addressPoint(ip) ?? IntervalSet.EMPTY;
const port = (p: number): IntervalSet => IntervalSet.of(BigInt(p), BigInt(p));
const entry = (e: Partial<AclEntry> & Pick<AclEntry, 'RuleNumber' | 'RuleAction'>): AclEntry => ({
  Protocol: '-1',
  Egress: false,
  CidrBlock: '0.0.0.0/0',
  ...e,
});
const allows = (entries: AclEntry[], ip: string, p: number): boolean =>
  aclAllowed(entries, false, 'tcp').some(
    (b) => b.addrs.overlaps(point(ip)) && b.ports.overlaps(port(p)),
  );

describe('network ACL evaluation', () => {
  it('lets the lowest-numbered matching rule decide, whatever follows', () => {
    const entries = [
      entry({ RuleNumber: 200, RuleAction: 'allow' }),
      entry({
        RuleNumber: 100,
        RuleAction: 'deny',
        Protocol: '6',
        CidrBlock: '198.51.100.0/24',
        PortRange: { From: 22, To: 22 },
      }),
    ];
    expect(allows(entries, '198.51.100.7', 22)).toBe(false);
    expect(allows(entries, '198.51.100.7', 23)).toBe(true);
    expect(allows(entries, '203.0.113.1', 22)).toBe(true);
  });

  it('denies what no rule matches, and ignores rules of the other direction', () => {
    const entries = [entry({ RuleNumber: 100, RuleAction: 'allow', Egress: true })];
    expect(aclAllowed(entries, false, 'tcp')).toEqual([]);
    expect(replyAddresses(entries, 'tcp').addrs.overlaps(point('203.0.113.1'))).toBe(true);
  });

  it('does not let an IPv4 rule match IPv6 traffic', () => {
    const entries = [entry({ RuleNumber: 100, RuleAction: 'allow' })];
    expect(aclAllowed(entries, false, 'udp').some((b) => b.addrs.overlaps(point('2a05::1')))).toBe(
      false,
    );
  });
});

describe('routes back to the internet', () => {
  const gateways = new Map([['igw-1', 'arn:igw-1']]);

  it('follows the most specific route: a narrower route elsewhere takes those clients away', () => {
    const reach = gatewayReach(
      [
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' },
        { DestinationCidrBlock: '198.51.100.0/24', GatewayId: 'vgw-1' },
      ],
      gateways,
    );
    expect(reach.addrs.overlaps(point('203.0.113.1'))).toBe(true);
    expect(reach.addrs.overlaps(point('198.51.100.9'))).toBe(false);
    expect(reach.gateways).toEqual(['arn:igw-1']);
  });

  it('counts no gateway that is blackholed or not attached to the VPC', () => {
    expect(
      gatewayReach(
        [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'blackhole' }],
        gateways,
      ).addrs.isEmpty,
    ).toBe(true);
    expect(
      gatewayReach([{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-2' }], gateways).addrs
        .isEmpty,
    ).toBe(true);
  });
});

describe('exposure lines', () => {
  it('merges adjacent ports let through by the same things, and splits where they differ', () => {
    const piece = (lo: number, hi: number, via: string[]) => ({
      protocol: 'tcp' as const,
      ports: IntervalSet.of(BigInt(lo), BigInt(hi)),
      via,
      rules: [],
    });
    const lines = exposureRanges([
      piece(80, 80, ['sg-a']),
      piece(81, 90, ['sg-a']),
      piece(85, 95, ['sg-b']),
    ]);
    expect(lines.map((l) => [l.fromPort, l.toPort, l.via])).toEqual([
      [80, 84, ['sg-a']],
      [85, 90, ['sg-a', 'sg-b']],
      [91, 95, ['sg-b']],
    ]);
  });
});

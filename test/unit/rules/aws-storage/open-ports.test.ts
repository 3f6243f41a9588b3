import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import {
  aclOpenPorts,
  groupOpenPorts,
  permissionsWithSources,
  type PortQuestion,
} from '../../../../src/rules/aws-storage/open-ports.js';

const ADMIN: PortQuestion = {
  ports: [22, 3389],
  protocols: ['tcp', 'udp'],
  families: ['ipv4', 'ipv6'],
};

function entry(n: number, action: 'allow' | 'deny', cidr: string, from?: number, to?: number) {
  return {
    RuleNumber: n,
    Protocol: from === undefined ? '-1' : '6',
    RuleAction: action,
    Egress: false,
    ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
    ...(from === undefined ? {} : { PortRange: { From: from, To: to ?? from } }),
  };
}

describe('groupOpenPorts', () => {
  it('reports each port, protocol and family open to the world with the rule', () => {
    const open = groupOpenPorts(
      'sg-1',
      [{ IpProtocol: 'tcp', FromPort: 20, ToPort: 30, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      ADMIN,
      'sg-1',
    );
    expect(open).toEqual([
      {
        port: 22,
        protocol: 'tcp',
        family: 'ipv4',
        rules: ['sg-1 allows tcp 20-30 from 0.0.0.0/0'],
      },
    ]);
  });

  it('adds up ranges across rules but not a partial world', () => {
    const halves = [
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/1' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '128.0.0.0/1' }] },
    ];
    expect(groupOpenPorts('sg-1', halves, ADMIN, 'sg-1').map((o) => o.port)).toEqual([22]);
    expect(groupOpenPorts('sg-1', [halves[0]], ADMIN, 'sg-1')).toEqual([]);
  });

  it('rejects ingress that is not IpPermissions', () => {
    expect(() => groupOpenPorts('sg-1', [{ FromPort: 22 }], ADMIN, 'sg-1 ingress')).toThrow(
      BadInputError,
    );
  });
});

describe('aclOpenPorts', () => {
  it('lets a lower-numbered deny of the same traffic win', () => {
    const entries = [
      entry(10, 'deny', '0.0.0.0/0', 22),
      entry(11, 'deny', '0.0.0.0/0', 3389),
      entry(20, 'allow', '0.0.0.0/0', 0, 65535),
    ];
    expect(aclOpenPorts(entries, { ...ADMIN, protocols: ['tcp'] }, 'acl')).toEqual([]);
  });

  it('fails a world allow that still decides some of the traffic after a narrow deny', () => {
    const entries = [entry(10, 'deny', '203.0.113.0/24', 22), entry(20, 'allow', '0.0.0.0/0', 22)];
    expect(aclOpenPorts(entries, ADMIN, 'acl')).toEqual([
      { port: 22, protocol: 'tcp', family: 'ipv4', rules: ['rule 20'] },
    ]);
  });

  it('ignores a deny numbered after the allow and sees ::/0', () => {
    const entries = [entry(10, 'allow', '::/0', 3389), entry(20, 'deny', '::/0', 3389)];
    expect(aclOpenPorts(entries, ADMIN, 'acl').map((o) => `${o.family} ${o.port}`)).toEqual([
      'ipv6 3389',
    ]);
  });

  it('rejects entries of the wrong shape', () => {
    expect(() => aclOpenPorts([{ RuleNumber: 'x' }], ADMIN, 'acl-1 entries')).toThrow(
      /acl-1 entries/,
    );
  });
});

describe('permissionsWithSources', () => {
  it('counts rules with any kind of source, including prefix lists', () => {
    const rules = [
      { IpProtocol: '-1' },
      { IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-1' }] },
      { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }] },
    ];
    expect(permissionsWithSources(rules, 'sg')).toHaveLength(2);
    expect(permissionsWithSources(undefined, 'sg')).toEqual([]);
  });
});

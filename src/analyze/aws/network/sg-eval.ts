import { cidrInterval } from './address-space.js';
import { IntervalSet } from './interval-set.js';
import type { IpPermission } from './network-rules.js';
import { protocolsOf, rulePorts, type Box, type Protocol } from './traffic.js';

/** Traffic one security group's inbound rules allow, with the group's id. */
export interface GroupBox extends Box {
  readonly group: string;
  /** The rule in words, e.g. `sg-0a1 allows tcp 22 from 0.0.0.0/0`. */
  readonly rule: string;
}

/** Sources a rule names by security group: those groups' members' addresses, when known. */
export interface GroupSources {
  readonly groupIds: ReadonlySet<string>;
  readonly addrs: IntervalSet;
}

/**
 * Inbound traffic a security group allows for one protocol. Groups are stateful (replies always
 * pass) and allow-only, so the groups of an interface simply add up. Prefix lists are not
 * collected and count as no source; a referenced group counts only when `members` says whose
 * addresses it stands for (a load balancer's groups, for the hop to its targets).
 */
export function groupAllowed(
  group: string,
  groupId: string,
  permissions: readonly IpPermission[],
  protocol: Protocol,
  members?: GroupSources,
): GroupBox[] {
  const out: GroupBox[] = [];
  for (const p of permissions) {
    if (!protocolsOf(p.IpProtocol).includes(protocol)) continue;
    const referenced =
      members !== undefined &&
      (p.UserIdGroupPairs ?? []).some(
        (g) => g.GroupId !== undefined && members.groupIds.has(g.GroupId),
      );
    const sources = [
      ...(p.IpRanges ?? []).map((r) => cidrInterval(r.CidrIp)),
      ...(p.Ipv6Ranges ?? []).map((r) => cidrInterval(r.CidrIpv6)),
      ...(referenced ? [members.addrs] : []),
    ].filter((s): s is IntervalSet => s !== undefined);
    if (sources.length === 0) continue;
    const named = [
      ...(p.IpRanges ?? []).map((r) => r.CidrIp),
      ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
      ...(referenced ? ['its load balancer'] : []),
    ];
    const ports =
      p.FromPort === undefined || p.FromPort === -1
        ? 'all'
        : p.FromPort === p.ToPort
          ? `${p.FromPort}`
          : `${p.FromPort}-${p.ToPort ?? p.FromPort}`;
    out.push({
      addrs: IntervalSet.union(sources),
      ports: rulePorts(protocol, p.FromPort, p.ToPort),
      group,
      rule: `${groupId} allows ${p.IpProtocol === '-1' ? 'all' : p.IpProtocol} ${ports} from ${named.join(', ')}`,
    });
  }
  return out;
}

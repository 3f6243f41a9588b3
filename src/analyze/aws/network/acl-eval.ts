import { ALL_IPV4, ALL_IPV6, cidrInterval } from './address-space.js';
import { IntervalSet } from './interval-set.js';
import type { AclEntry } from './network-rules.js';
import { boxMinus, portSpace, protocolsOf, rulePorts, type Box, type Protocol } from './traffic.js';

/** Traffic a network ACL lets through, with the rule number that allowed it. */
export interface AclBox extends Box {
  readonly rule: number;
}

/**
 * What a network ACL allows in one direction for one protocol: entries in rule-number order, the
 * first that matches a packet decides (later ones never see it), and anything unmatched is denied.
 * For inbound traffic `addrs` are sources; for outbound, destinations.
 */
export function aclAllowed(
  entries: readonly AclEntry[],
  egress: boolean,
  protocol: Protocol,
): AclBox[] {
  const ordered = entries
    .filter((e) => e.Egress === egress)
    .sort((a, b) => a.RuleNumber - b.RuleNumber);
  let unmatched: Box[] = [{ addrs: ALL_IPV4.union(ALL_IPV6), ports: portSpace(protocol) }];
  const allowed: AclBox[] = [];
  for (const entry of ordered) {
    if (!protocolsOf(entry.Protocol).includes(protocol)) continue;
    const addrs = cidrInterval(entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '');
    if (!addrs) continue;
    const from =
      protocol === 'icmp' || protocol === 'icmpv6'
        ? entry.IcmpTypeCode?.Type
        : entry.PortRange?.From;
    const to =
      protocol === 'icmp' || protocol === 'icmpv6' ? entry.IcmpTypeCode?.Type : entry.PortRange?.To;
    const cut: Box = { addrs, ports: rulePorts(protocol, from, to) };
    if (entry.RuleAction === 'allow') {
      for (const box of unmatched) {
        const a = box.addrs.intersect(cut.addrs);
        const p = box.ports.intersect(cut.ports);
        if (!a.isEmpty && !p.isEmpty) allowed.push({ addrs: a, ports: p, rule: entry.RuleNumber });
      }
    }
    unmatched = unmatched.flatMap((box) => boxMinus(box, cut));
    if (unmatched.length === 0) break;
  }
  return allowed;
}

/**
 * Addresses an outbound ACL lets reply traffic reach. ACLs are stateless, so a reply needs its own
 * outbound allow; the client picks the port it connects from, so an allow to any port will do.
 */
export function replyAddresses(
  entries: readonly AclEntry[],
  protocol: Protocol,
): { addrs: IntervalSet; rules: number[] } {
  const boxes = aclAllowed(entries, true, protocol);
  return {
    addrs: IntervalSet.union(boxes.map((b) => b.addrs)),
    rules: [...new Set(boxes.map((b) => b.rule))],
  };
}

import { IntervalSet } from './interval-set.js';

/**
 * Protocols reachability is computed for. `other` stands for every protocol but these four: only
 * rules for all protocols (`-1`) match it, so it is reachable only when everything is.
 */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'other';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'other'];

const BY_NAME: Readonly<Record<string, Protocol>> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
};

/** The protocols a rule's protocol field (`-1`, `tcp`, `6`, `icmp`, ...) covers. */
export function protocolsOf(text: string): readonly Protocol[] {
  const name = text.trim().toLowerCase();
  if (name === '-1' || name === 'all') return PROTOCOLS;
  const one = BY_NAME[name];
  // A rule for one other protocol (ESP, GRE...) never matches `other`'s stand-in.
  return one ? [one] : [];
}

/** The port dimension: ports for TCP/UDP, the ICMP type for ICMP, one point otherwise. */
export function portSpace(protocol: Protocol): IntervalSet {
  if (protocol === 'tcp' || protocol === 'udp') return IntervalSet.of(0n, 65535n);
  if (protocol === 'icmp' || protocol === 'icmpv6') return IntervalSet.of(0n, 255n);
  return IntervalSet.of(0n, 0n);
}

/** The ports a rule covers in `protocol`'s port dimension; -1 (or absent) means all of them. */
export function rulePorts(
  protocol: Protocol,
  from: number | undefined,
  to: number | undefined,
): IntervalSet {
  const space = portSpace(protocol);
  if (protocol === 'other' || from === undefined || from === -1) return space;
  // ICMP rules give the type in `from` (and the code in `to`, which Cairn does not split on).
  const hi = protocol === 'icmp' || protocol === 'icmpv6' ? from : (to ?? from);
  if (hi === -1) return space;
  return IntervalSet.of(BigInt(from), BigInt(hi)).intersect(space);
}

/** Traffic from `addrs` to `ports` (one protocol). */
export interface Box {
  readonly addrs: IntervalSet;
  readonly ports: IntervalSet;
}

export function boxIntersect(a: Box, b: Box): Box | undefined {
  const addrs = a.addrs.intersect(b.addrs);
  if (addrs.isEmpty) return undefined;
  const ports = a.ports.intersect(b.ports);
  return ports.isEmpty ? undefined : { addrs, ports };
}

/** `box` minus `cut`, as at most two disjoint boxes. */
export function boxMinus(box: Box, cut: Box): Box[] {
  const common = box.addrs.intersect(cut.addrs);
  if (common.isEmpty || !box.ports.overlaps(cut.ports)) return [box];
  const out: Box[] = [];
  const outside = box.addrs.minus(cut.addrs);
  if (!outside.isEmpty) out.push({ addrs: outside, ports: box.ports });
  const otherPorts = box.ports.minus(cut.ports);
  if (!otherPorts.isEmpty) out.push({ addrs: common, ports: otherPorts });
  return out;
}

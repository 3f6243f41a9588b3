import { IntervalSet } from './interval-set.js';
import type { Protocol } from './traffic.js';

/** A piece of reachable traffic and what let it through. */
export interface Piece {
  readonly protocol: Protocol;
  readonly ports: IntervalSet;
  /** Ids of the gateway, route table, ACL, security groups, load balancer... on the way. */
  readonly via: readonly string[];
  /** The rules that allowed it, in words (route, ACL rule numbers, security group rules). */
  readonly rules: readonly string[];
}

/** One line of a resource's exposure, as the GraphQL `exposure` field returns it. */
export interface ExposureRange {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  readonly fromPort: number;
  readonly toPort: number;
  readonly via: readonly string[];
  readonly rules: readonly string[];
}

const FULL_PORTS = IntervalSet.of(0n, 65535n);
const ALL_ICMP = IntervalSet.of(0n, 255n);

/**
 * Pieces to the fewest port ranges: per protocol, each maximal run of ports that the same things
 * let through. ICMP ranges are ICMP types (-1/-1 for all). When every protocol is open on every
 * port (only rules for all protocols do that), one `all` line stands for it.
 */
export function exposureRanges(pieces: readonly Piece[]): ExposureRange[] {
  const by = (p: Protocol): Piece[] => pieces.filter((x) => x.protocol === p);
  const covered = (p: Protocol, full: IntervalSet): boolean =>
    IntervalSet.union(by(p).map((x) => x.ports)).equals(full);
  if (
    by('other').length > 0 &&
    covered('tcp', FULL_PORTS) &&
    covered('udp', FULL_PORTS) &&
    (covered('icmp', ALL_ICMP) || covered('icmpv6', ALL_ICMP))
  ) {
    return [{ protocol: 'all', fromPort: 0, toPort: 65535, ...merged(pieces) }];
  }
  const out: ExposureRange[] = [];
  for (const protocol of ['tcp', 'udp'] as const) out.push(...runs(protocol, by(protocol)));
  const icmp = [...by('icmp'), ...by('icmpv6')];
  for (const run of runs('icmp', icmp)) {
    const all = run.fromPort === 0 && run.toPort === 255;
    out.push(all ? { ...run, fromPort: -1, toPort: -1 } : run);
  }
  return out;
}

function runs(protocol: 'tcp' | 'udp' | 'icmp', pieces: readonly Piece[]): ExposureRange[] {
  if (pieces.length === 0) return [];
  // Elementary segments between every boundary, each with the pieces covering it.
  const bounds = new Set<bigint>();
  for (const p of pieces) for (const [lo, hi] of p.ports.ranges) bounds.add(lo).add(hi + 1n);
  const points = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: ExposureRange[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const lo = points[i] as bigint;
    const hi = (points[i + 1] as bigint) - 1n;
    const here = pieces.filter((p) => p.ports.overlaps(IntervalSet.of(lo, hi)));
    if (here.length === 0) continue;
    const { via, rules } = merged(here);
    const last = out[out.length - 1];
    if (last && BigInt(last.toPort) + 1n === lo && same(last.via, via) && same(last.rules, rules)) {
      out[out.length - 1] = { ...last, toPort: Number(hi) };
    } else {
      out.push({ protocol, fromPort: Number(lo), toPort: Number(hi), via, rules });
    }
  }
  return out;
}

function merged(pieces: readonly Piece[]): { via: string[]; rules: string[] } {
  return {
    via: [...new Set(pieces.flatMap((p) => p.via))],
    rules: [...new Set(pieces.flatMap((p) => p.rules))].sort(),
  };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

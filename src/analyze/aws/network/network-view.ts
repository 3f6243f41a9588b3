import { aclAllowed, replyAddresses } from './acl-eval.js';
import { ALL_IPV4, ALL_IPV6, cidrInterval, INTERNET } from './address-space.js';
import type { Piece } from './exposure-ranges.js';
import { IntervalSet } from './interval-set.js';
import type { NetEndpoint, NetSubnet, NetworkEstate } from './network-estate.js';
import { aclEntries, ipPermissions, routes, type AclEntry } from './network-rules.js';
import { gatewayReach } from './route-eval.js';
import { groupAllowed, type GroupBox, type GroupSources } from './sg-eval.js';
import { PROTOCOLS, type Box, type Protocol } from './traffic.js';

/** Reachable traffic with the sources it can come from (kept for hops further in). */
export interface ReachPiece extends Piece {
  readonly addrs: IntervalSet;
}

/** Internet traffic a subnet lets in, before security groups. */
interface SubnetPiece extends Box {
  readonly via: readonly string[];
  readonly rules: readonly string[];
}

/**
 * The estate's network with the per-subnet and per-group work done once: what the internet can
 * send into each subnet (routes back to an internet gateway, inbound ACL, ACL replies) and what
 * each security group allows. Interfaces with the same subnets, groups and address families share
 * one answer, which is what makes 50,000 instances cheap.
 */
export class NetworkView {
  /** Rules that could not be read; each made a hop unreachable rather than guessed at. */
  readonly problems: string[] = [];
  private readonly internetGateways = new Map<string, Map<string, string>>();
  private readonly subnetPieces = new Map<string, SubnetPiece[]>();
  private readonly groupBoxes = new Map<string, GroupBox[]>();
  private readonly endpointPieces = new Map<string, ReachPiece[]>();
  /** Parsed rule JSON by what it is (`<id> entries`, `<id> routes`, ...). */
  private readonly parsed = new Map<string, unknown>();

  constructor(readonly estate: NetworkEstate) {
    for (const g of estate.gateways) {
      if (g.egressOnly) continue;
      for (const vpc of g.vpcs) {
        const byId = this.internetGateways.get(vpc) ?? new Map<string, string>();
        byId.set(g.gatewayId, g.id);
        this.internetGateways.set(vpc, byId);
      }
    }
  }

  /** Internet traffic of one protocol that can enter the subnet and be replied to. */
  subnetIngress(subnetId: string, protocol: Protocol): readonly SubnetPiece[] {
    const key = `${subnetId}\u0000${protocol}`;
    let pieces = this.subnetPieces.get(key);
    if (!pieces) {
      pieces = this.computeSubnetIngress(this.estate.subnets.get(subnetId), protocol);
      this.subnetPieces.set(key, pieces);
    }
    return pieces;
  }

  /** What the group's inbound rules allow; `members` resolves rules that name other groups. */
  groupIngress(groupArn: string, protocol: Protocol, members?: GroupSources): readonly GroupBox[] {
    const group = this.estate.securityGroups.get(groupArn);
    if (!group) return [];
    const compute = (): GroupBox[] => {
      const parsed = this.parse(ipPermissions, group.ingress, `${groupArn} inbound rules`);
      return parsed ? groupAllowed(groupArn, group.groupId, parsed, protocol, members) : [];
    };
    if (members) return compute();
    const key = `${groupArn}\u0000${protocol}`;
    let boxes = this.groupBoxes.get(key);
    if (!boxes) {
      boxes = compute();
      this.groupBoxes.set(key, boxes);
    }
    return boxes;
  }

  /** Internet traffic that reaches an interface (or a public database) directly. */
  endpointIngress(e: NetEndpoint): readonly ReachPiece[] {
    const key = [
      e.subnets.join(','),
      e.groups.join(','),
      e.hasPublicIpv4,
      e.hasIpv6,
      e.only ? `${e.only.protocol}:${e.only.port}` : '',
    ].join('|');
    let pieces = this.endpointPieces.get(key);
    if (!pieces) {
      const families = familiesOf(e.hasPublicIpv4, e.hasIpv6);
      const only = e.only;
      const filter = only
        ? {
            protocols: [only.protocol],
            ports: IntervalSet.of(BigInt(only.port), BigInt(only.port)),
          }
        : undefined;
      pieces = this.reach(
        e.subnets,
        (p) => e.groups.flatMap((g) => this.groupIngress(g, p)),
        families,
        filter,
      );
      this.endpointPieces.set(key, pieces);
    }
    return pieces;
  }

  /**
   * Traffic from the internet through `subnets` (any of them) and the given group boxes, to
   * addresses of `families`, optionally only some protocols and ports.
   */
  reach(
    subnets: readonly string[],
    groups: (protocol: Protocol) => readonly GroupBox[],
    families: IntervalSet,
    filter?: { protocols: readonly Protocol[]; ports: IntervalSet },
  ): ReachPiece[] {
    if (families.isEmpty) return [];
    const out: ReachPiece[] = [];
    for (const protocol of filter?.protocols ?? PROTOCOLS) {
      const boxes = groups(protocol);
      if (boxes.length === 0) continue;
      for (const subnet of subnets) {
        for (const s of this.subnetIngress(subnet, protocol)) {
          const addrs0 = s.addrs.intersect(families);
          if (addrs0.isEmpty) continue;
          for (const g of boxes) {
            const addrs = addrs0.intersect(g.addrs);
            if (addrs.isEmpty) continue;
            let ports = s.ports.intersect(g.ports);
            if (filter) ports = ports.intersect(filter.ports);
            if (ports.isEmpty) continue;
            out.push({
              protocol,
              ports,
              addrs,
              via: [...s.via, g.group],
              rules: [...s.rules, g.rule],
            });
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether traffic from `sources` to `port` passes the subnet's network ACL both ways (a hop
   * inside the VPC, e.g. load balancer → target); undefined when it does not.
   */
  aclHop(
    subnetId: string,
    sources: IntervalSet,
    protocol: Protocol,
    port: IntervalSet,
  ): { via: string[]; rules: string[] } | undefined {
    const subnet = this.estate.subnets.get(subnetId);
    if (!subnet?.nacl) return subnet ? { via: [], rules: [] } : undefined;
    const entries = this.parse(aclEntries, subnet.nacl.entries, `${subnet.nacl.id} entries`);
    if (!entries) return undefined;
    const inbound = aclAllowed(entries, false, protocol).filter(
      (b) => b.ports.overlaps(port) && b.addrs.overlaps(sources),
    );
    const reply = replyAddresses(entries, protocol);
    const ok = IntervalSet.union(inbound.map((b) => b.addrs))
      .intersect(sources)
      .overlaps(reply.addrs);
    if (!ok) return undefined;
    return {
      via: [subnet.nacl.id],
      rules: [
        aclRuleText(
          subnet.nacl.id,
          'inbound',
          inbound.map((b) => b.rule),
        ),
        aclRuleText(subnet.nacl.id, 'outbound', reply.rules),
      ],
    };
  }

  /** The addresses of a subnet's own range (where a load balancer's nodes send from). */
  subnetAddresses(subnetId: string): IntervalSet {
    const cidrs = this.estate.subnets.get(subnetId)?.cidrs ?? [];
    return IntervalSet.union(cidrs.map((c) => cidrInterval(c) ?? IntervalSet.EMPTY));
  }

  private computeSubnetIngress(subnet: NetSubnet | undefined, protocol: Protocol): SubnetPiece[] {
    if (!subnet?.routeTable) return [];
    const table = this.parse(routes, subnet.routeTable.routes, `${subnet.routeTable.id} routes`);
    if (!table) return [];
    const reach = gatewayReach(table, this.internetGateways.get(subnet.vpc) ?? new Map());
    const sources = reach.addrs.intersect(INTERNET);
    if (sources.isEmpty) return [];
    const routeVia = [...reach.gateways, subnet.routeTable.id];
    const routeRules = reach.routes.map((r) => `${shortId(subnet.routeTable?.id ?? '')}: ${r}`);
    // Without the ACL's entries (not collected), nothing is assumed blocked.
    const entries: readonly AclEntry[] | undefined = subnet.nacl
      ? this.parse(aclEntries, subnet.nacl.entries, `${subnet.nacl.id} entries`)
      : undefined;
    if (subnet.nacl && !entries) return [];
    if (!subnet.nacl || !entries) {
      return [
        { addrs: sources, ports: IntervalSet.of(0n, 65535n), via: routeVia, rules: routeRules },
      ];
    }
    const acl = subnet.nacl.id;
    const reply = replyAddresses(entries, protocol);
    const replyable = sources.intersect(reply.addrs);
    if (replyable.isEmpty) return [];
    return aclAllowed(entries, false, protocol).flatMap((box) => {
      const addrs = box.addrs.intersect(replyable);
      return addrs.isEmpty
        ? []
        : [
            {
              addrs,
              ports: box.ports,
              via: [...routeVia, acl],
              rules: [
                ...routeRules,
                aclRuleText(acl, 'inbound', [box.rule]),
                aclRuleText(acl, 'outbound', reply.rules),
              ],
            },
          ];
    });
  }

  private parse<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    value: unknown,
    what: string,
  ): T | undefined {
    // Rules are read once per node: groups serve several protocols and load balancer hops.
    if (this.parsed.has(what)) return this.parsed.get(what) as T | undefined;
    const text = typeof value === 'string' ? safeJson(value) : value;
    const parsed = schema.safeParse(text);
    const data = parsed.success ? parsed.data : undefined;
    if (!parsed.success) this.problems.push(`${what} could not be read`);
    this.parsed.set(what, data);
    return data;
  }
}

export function familiesOf(ipv4: boolean, ipv6: boolean): IntervalSet {
  return (ipv4 ? ALL_IPV4 : IntervalSet.EMPTY).union(ipv6 ? ALL_IPV6 : IntervalSet.EMPTY);
}

/** `rtb-0a1` of `arn:aws:ec2:…:route-table/rtb-0a1`: rules read better with the AWS id. */
function shortId(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

function aclRuleText(
  acl: string,
  direction: 'inbound' | 'outbound',
  rules: readonly number[],
): string {
  const unique = [...new Set(rules)].sort((a, b) => a - b);
  const which = `${unique.length > 1 ? 'rules' : 'rule'} ${unique.join(', ')} ${unique.length > 1 ? 'allow' : 'allows'}`;
  return `${shortId(acl)}: ${direction} ${which}${direction === 'outbound' ? ' the replies' : ''}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

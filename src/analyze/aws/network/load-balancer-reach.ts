import { IntervalSet } from './interval-set.js';
import type { Piece } from './exposure-ranges.js';
import type { NetLoadBalancer } from './network-estate.js';
import { listeners as listenerSchema, type Listener } from './network-rules.js';
import { familiesOf, type NetworkView, type ReachPiece } from './network-view.js';
import type { GroupBox } from './sg-eval.js';
import { portSpace, type Protocol } from './traffic.js';

/** What the internet reaches through one load balancer: the balancer, and each target behind it. */
export interface LoadBalancerReach {
  readonly pieces: readonly ReachPiece[];
  /** Instance ARN → traffic that reaches it through this balancer. */
  readonly targets: ReadonlyMap<string, readonly Piece[]>;
}

const NONE: LoadBalancerReach = { pieces: [], targets: new Map() };

/**
 * An internet-facing load balancer takes traffic on its listeners' ports where its subnets and
 * security groups let the internet in, then opens its own connection to each target: that hop
 * must pass the target's security groups (which may name the balancer's groups) and, when the
 * target sits in another subnet, that subnet's ACL. A network load balancer without security
 * groups filters nothing and keeps the client's address, so targets must admit the internet.
 */
export function loadBalancerReach(view: NetworkView, lb: NetLoadBalancer): LoadBalancerReach {
  if (lb.scheme !== 'internet-facing') return NONE;
  const parsed = listenerSchema.safeParse(lb.listeners);
  if (!parsed.success) {
    view.problems.push(`${lb.id} listeners could not be read`);
    return NONE;
  }
  const open = lb.kind === 'network' && lb.groups.length === 0;
  const groups = (protocol: Protocol): readonly GroupBox[] =>
    open
      ? [
          {
            addrs: familiesOf(true, true),
            ports: portSpace(protocol),
            group: lb.id,
            rule: `${lb.id.split('/').slice(-2, -1)[0] ?? lb.id} has no security group`,
          },
        ]
      : lb.groups.flatMap((g) => view.groupIngress(g, protocol));
  const families = familiesOf(true, (lb.ipAddressType ?? '').startsWith('dualstack'));

  const pieces: ReachPiece[] = [];
  const targets = new Map<string, Piece[]>();
  for (const listener of parsed.data) {
    const protocols = listenerProtocols(listener.protocol);
    if (protocols.length === 0) continue;
    const port = IntervalSet.of(BigInt(listener.port), BigInt(listener.port));
    const reached = view
      .reach(lb.subnets, groups, families, { protocols, ports: port })
      .map((p) => ({ ...p, via: [...p.via, lb.id] }));
    if (reached.length === 0) continue;
    pieces.push(...reached);
    for (const target of targetsOf(lb, listener)) {
      for (const protocol of protocols) {
        const hop = targetHop(
          view,
          lb,
          open,
          reached.filter((p) => p.protocol === protocol),
          protocol,
          target,
        );
        if (!hop) continue;
        targets.set(target.instance, [...(targets.get(target.instance) ?? []), hop]);
      }
    }
  }
  return { pieces, targets };
}

function listenerProtocols(protocol: string): Protocol[] {
  switch (protocol.toUpperCase()) {
    case 'HTTP':
    case 'HTTPS':
    case 'TCP':
    case 'TLS':
    case 'SSL':
      return ['tcp'];
    case 'UDP':
      return ['udp'];
    case 'TCP_UDP':
      return ['tcp', 'udp'];
    default:
      return [];
  }
}

function targetsOf(
  lb: NetLoadBalancer,
  listener: Listener,
): { via: string; instance: string; port: number }[] {
  const out: { via: string; instance: string; port: number }[] = [];
  for (const t of lb.targets) {
    const forwarded = listener.targetGroups
      ? listener.targetGroups.includes(t.via)
      : t.via === lb.id;
    const port = listener.instancePort ?? t.port;
    if (forwarded && port !== undefined) out.push({ via: t.via, instance: t.instance, port });
  }
  return out;
}

function targetHop(
  view: NetworkView,
  lb: NetLoadBalancer,
  open: boolean,
  reached: readonly ReachPiece[],
  protocol: Protocol,
  target: { via: string; instance: string; port: number },
): Piece | undefined {
  const instance = view.estate.instances.get(target.instance);
  if (!instance || reached.length === 0) return undefined;
  const port = IntervalSet.of(BigInt(target.port), BigInt(target.port));
  // Behind a balancer with groups, connections come from its nodes' addresses in its subnets.
  const sources = open
    ? IntervalSet.union(reached.map((p) => p.addrs))
    : IntervalSet.union(lb.subnets.map((s) => view.subnetAddresses(s)));
  const members = open
    ? undefined
    : {
        groupIds: new Set(lb.groups.map((g) => view.estate.securityGroups.get(g)?.groupId ?? g)),
        addrs: sources,
      };
  const allowing = instance.groups.flatMap((g) =>
    view
      .groupIngress(g, protocol, members)
      .filter((b) => b.ports.overlaps(port) && b.addrs.overlaps(sources)),
  );
  if (allowing.length === 0) return undefined;
  const admitted = IntervalSet.union(allowing.map((b) => b.addrs)).intersect(sources);
  // ACLs apply where traffic crosses a subnet boundary; within the balancer's subnet they do not.
  const acl = instance.subnets.some((s) => lb.subnets.includes(s))
    ? { via: [], rules: [] }
    : instance.subnets
        .map((s) => view.aclHop(s, admitted, protocol, port))
        .find((h) => h !== undefined);
  if (!acl) return undefined;
  return {
    protocol,
    ports: port,
    via: [
      ...new Set([
        ...reached.flatMap((p) => p.via),
        target.via,
        ...allowing.map((b) => b.group),
        ...acl.via,
      ]),
    ],
    rules: [
      ...new Set([
        ...reached.flatMap((p) => p.rules),
        ...allowing.map((b) => b.rule),
        ...acl.rules,
      ]),
    ],
  };
}

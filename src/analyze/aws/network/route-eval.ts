import { ALL_IPV4, ALL_IPV6, cidrInterval } from './address-space.js';
import { IntervalSet } from './interval-set.js';
import type { Route } from './network-rules.js';

/** Internet addresses whose replies a route table sends to an internet gateway, and through what. */
export interface GatewayReach {
  readonly addrs: IntervalSet;
  readonly gateways: readonly string[];
  /** The routes that send replies there, e.g. `0.0.0.0/0 -> igw-0a1`. */
  readonly routes: readonly string[];
}

/**
 * Return traffic leaves by the route that matches the client's address most specifically, so an
 * internet client can hold a connection only if that route is an internet gateway attached to the
 * VPC (an egress-only gateway or a NAT never lets the internet in). Blackholed routes and prefix
 * lists (not collected) count as no route.
 */
export function gatewayReach(
  routes: readonly Route[],
  /** `igw-...` → gateway ARN, for internet gateways attached to the subnet's VPC. */
  gateways: ReadonlyMap<string, string>,
): GatewayReach {
  const usable = routes
    .filter((r) => r.State !== 'blackhole')
    .flatMap((r) => {
      const cidr = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock;
      const addrs = cidr ? cidrInterval(cidr) : undefined;
      return addrs && cidr
        ? [
            {
              route: r,
              addrs,
              prefix: Number(cidr.split('/')[1]),
            },
          ]
        : [];
    })
    // IPv4 and IPv6 never overlap, so one most-specific-first order serves both.
    .sort((a, b) => b.prefix - a.prefix);
  let unrouted = ALL_IPV4.union(ALL_IPV6);
  const reached: IntervalSet[] = [];
  const used = new Set<string>();
  const named: string[] = [];
  for (const { route, addrs } of usable) {
    const taken = unrouted.intersect(addrs);
    unrouted = unrouted.minus(addrs);
    const gateway = route.GatewayId ? gateways.get(route.GatewayId) : undefined;
    if (gateway && !taken.isEmpty) {
      reached.push(taken);
      used.add(gateway);
      named.push(
        `${route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? ''} -> ${route.GatewayId ?? ''}`,
      );
    }
  }
  return { addrs: IntervalSet.union(reached), gateways: [...used], routes: named };
}

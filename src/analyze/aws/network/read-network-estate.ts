import type { Database } from '../../../db/connection.js';
import { readNamed } from '../../../db/transactions.js';
import type {
  NetEndpoint,
  NetGateway,
  NetInstance,
  NetLoadBalancer,
  NetSecurityGroup,
  NetSubnet,
  NetTarget,
  NetworkEstate,
} from './network-estate.js';

interface SubnetRow {
  id: string;
  vpc: string | null;
  cidrs: string[];
  routeTableId: string | null;
  routes: string | null;
  naclId: string | null;
  entries: string | null;
}

interface InstanceRow {
  id: string;
  subnets: string[];
  groups: string[];
  described: boolean;
  hasPublicIpv4: boolean;
  hasIpv6: boolean;
}

interface LoadBalancerRow {
  id: string;
  kind: string;
  scheme: string | null;
  ipAddressType: string | null;
  subnets: string[];
  groups: string[];
  listeners: string | null;
  targets: { via: string; instance: string; port: number | null }[];
}

interface DatabaseRow {
  owner: string;
  subnets: string[];
  groups: string[];
  port: number;
}

interface FunctionUrlRow {
  id: string;
  authType: string;
  policy: string | null;
}

/** Every loaded VPC network, as reachability needs it. JSON rule text is parsed by the view. */
export async function readNetworkEstate(db: Database): Promise<NetworkEstate> {
  const subnets = new Map<string, NetSubnet>();
  for (const r of await readNamed<SubnetRow>(db, 'analyze/aws-net-subnets')) {
    subnets.set(r.id, {
      id: r.id,
      vpc: r.vpc ?? '',
      cidrs: r.cidrs,
      ...(r.routeTableId ? { routeTable: { id: r.routeTableId, routes: r.routes } } : {}),
      ...(r.naclId ? { nacl: { id: r.naclId, entries: r.entries } } : {}),
    });
  }
  const gateways = await readNamed<NetGateway & Record<string, unknown>>(
    db,
    'analyze/aws-net-gateways',
  );
  const securityGroups = new Map<string, NetSecurityGroup>();
  for (const g of await readNamed<NetSecurityGroup & Record<string, unknown>>(
    db,
    'analyze/aws-net-security-groups',
  )) {
    securityGroups.set(g.id, { id: g.id, groupId: g.groupId, ingress: g.ingress });
  }
  const endpoints: NetEndpoint[] = (
    await readNamed<NetEndpoint & Record<string, unknown>>(db, 'analyze/aws-net-interfaces')
  ).map((e) => ({
    owner: e.owner,
    subnets: e.subnets,
    groups: e.groups,
    hasPublicIpv4: e.hasPublicIpv4,
    hasIpv6: e.hasIpv6,
  }));
  const instances = new Map<string, NetInstance>();
  for (const i of await readNamed<InstanceRow & Record<string, unknown>>(
    db,
    'analyze/aws-net-instances',
  )) {
    instances.set(i.id, { id: i.id, subnets: i.subnets, groups: i.groups });
    // An instance whose interfaces were not described is reached through its own addresses.
    if (!i.described) {
      endpoints.push({
        owner: i.id,
        subnets: i.subnets,
        groups: i.groups,
        hasPublicIpv4: i.hasPublicIpv4,
        hasIpv6: i.hasIpv6,
      });
    }
  }
  const loadBalancers: NetLoadBalancer[] = (
    await readNamed<LoadBalancerRow & Record<string, unknown>>(db, 'analyze/aws-net-load-balancers')
  ).map((lb) => ({
    id: lb.id,
    kind: lb.kind,
    ...(lb.scheme ? { scheme: lb.scheme } : {}),
    ...(lb.ipAddressType ? { ipAddressType: lb.ipAddressType } : {}),
    subnets: lb.subnets,
    groups: lb.groups,
    listeners: parseJson(lb.listeners),
    targets: lb.targets.map((t): NetTarget => ({
      via: t.via,
      instance: t.instance,
      ...(t.port !== null ? { port: t.port } : {}),
    })),
  }));
  for (const d of await readNamed<DatabaseRow>(db, 'analyze/aws-net-databases')) {
    const port = Number(d.port);
    endpoints.push({
      owner: d.owner,
      subnets: d.subnets,
      groups: d.groups,
      hasPublicIpv4: true,
      hasIpv6: false,
      ...(Number.isInteger(port) ? { only: { protocol: 'tcp' as const, port } } : {}),
    });
  }
  const functionUrls = (await readNamed<FunctionUrlRow>(db, 'analyze/aws-net-function-urls')).map(
    (f) => ({ id: f.id, authType: f.authType, policy: parseJson(f.policy) }),
  );
  return {
    subnets,
    gateways: gateways.map((g) => ({
      id: g.id,
      gatewayId: g.gatewayId,
      vpcs: g.vpcs,
      egressOnly: g.egressOnly,
    })),
    securityGroups,
    endpoints,
    loadBalancers,
    instances,
    functionUrls,
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return [];
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The network as reachability reads it from the graph (read-network-estate.ts). Ids are ARNs;
 * rules and routes are the API's own JSON, checked by network-rules.ts before use.
 */
export interface NetSubnet {
  readonly id: string;
  readonly vpc: string;
  /** IPv4 and IPv6 CIDRs of the subnet (what traffic from its own addresses looks like). */
  readonly cidrs: readonly string[];
  readonly routeTable?: { readonly id: string; readonly routes: unknown };
  readonly nacl?: { readonly id: string; readonly entries: unknown };
}

export interface NetGateway {
  readonly id: string;
  /** `igw-...`, as routes name it. */
  readonly gatewayId: string;
  readonly vpcs: readonly string[];
  readonly egressOnly: boolean;
}

export interface NetSecurityGroup {
  readonly id: string;
  readonly groupId: string;
  readonly ingress: unknown;
}

/** Something with addresses in subnets behind security groups: an interface, or a public RDS. */
export interface NetEndpoint {
  /** The resource the exposure belongs to (instance, RDS instance) or the interface itself. */
  readonly owner: string;
  readonly subnets: readonly string[];
  readonly groups: readonly string[];
  readonly hasPublicIpv4: boolean;
  readonly hasIpv6: boolean;
  /** Only this traffic matters (an RDS instance listens on one port); all when absent. */
  readonly only?: { readonly protocol: 'tcp'; readonly port: number };
}

export interface NetTarget {
  /** The target group (ELBv2) or the load balancer itself (classic). */
  readonly via: string;
  readonly instance: string;
  readonly port?: number;
}

export interface NetLoadBalancer {
  readonly id: string;
  readonly kind: string;
  readonly scheme?: string;
  readonly ipAddressType?: string;
  readonly subnets: readonly string[];
  readonly groups: readonly string[];
  readonly listeners: unknown;
  readonly targets: readonly NetTarget[];
}

/** Where an instance's interfaces are, for the load balancer → target hop. */
export interface NetInstance {
  readonly id: string;
  readonly subnets: readonly string[];
  readonly groups: readonly string[];
}

export interface NetFunctionUrl {
  readonly id: string;
  readonly authType?: string;
  readonly policy?: unknown;
}

export interface NetworkEstate {
  readonly subnets: ReadonlyMap<string, NetSubnet>;
  readonly gateways: readonly NetGateway[];
  readonly securityGroups: ReadonlyMap<string, NetSecurityGroup>;
  readonly endpoints: readonly NetEndpoint[];
  readonly loadBalancers: readonly NetLoadBalancer[];
  readonly instances: ReadonlyMap<string, NetInstance>;
  readonly functionUrls: readonly NetFunctionUrl[];
}

/** EC2 resource types whose ARNs Cairn builds (the API returns ids, not ARNs). */
export type Ec2ResourceType =
  | 'instance'
  | 'vpc'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'natgateway'
  | 'network-acl'
  | 'security-group'
  | 'network-interface'
  | 'volume'
  | 'snapshot'
  | 'image';

/** Snapshots and images have no account in their ARN (AWS's own format). */
const ACCOUNTLESS: ReadonlySet<Ec2ResourceType> = new Set(['snapshot', 'image']);

export interface Ec2Location {
  readonly partition?: string;
  readonly region: string;
  readonly account: string;
}

/** The ARN AWS uses for an EC2 resource, e.g. `arn:aws:ec2:us-east-1:123…:subnet/subnet-0a…`. */
export function ec2Arn(where: Ec2Location, type: Ec2ResourceType, id: string): string {
  const account = ACCOUNTLESS.has(type) ? '' : where.account;
  return `arn:${where.partition ?? 'aws'}:ec2:${where.region}:${account}:${type}/${id}`;
}

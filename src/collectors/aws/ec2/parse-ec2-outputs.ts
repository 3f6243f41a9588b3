import type { z } from 'zod';
import { BadInputError } from '../../../errors/cairn-error.js';
import { describeIssue } from '../../../records/describe-issue.js';
import type { Ec2OutputName, Ec2Outputs } from './ec2-outputs.js';
import * as s from './ec2-output-schemas.js';

type Parsed<T extends z.ZodType> = z.infer<T>;

/** Every output, validated and flattened across pages. Optional outputs not read are undefined. */
export interface ParsedEc2 {
  readonly reservations: Parsed<typeof s.describeInstances>['Reservations'];
  readonly securityGroups: Parsed<typeof s.describeSecurityGroups>['SecurityGroups'];
  readonly subnets: Parsed<typeof s.describeSubnets>['Subnets'];
  readonly routeTables: Parsed<typeof s.describeRouteTables>['RouteTables'];
  readonly internetGateways: Parsed<typeof s.describeInternetGateways>['InternetGateways'];
  readonly networkAcls: Parsed<typeof s.describeNetworkAcls>['NetworkAcls'];
  readonly networkInterfaces: Parsed<typeof s.describeNetworkInterfaces>['NetworkInterfaces'];
  readonly vpcs?: Parsed<typeof s.describeVpcs>['Vpcs'];
  readonly natGateways?: Parsed<typeof s.describeNatGateways>['NatGateways'];
  readonly egressOnlyGateways?: Parsed<
    typeof s.describeEgressOnlyGateways
  >['EgressOnlyInternetGateways'];
  readonly addresses?: Parsed<typeof s.describeAddresses>['Addresses'];
  readonly volumes?: Parsed<typeof s.describeVolumes>['Volumes'];
  readonly snapshots?: Parsed<typeof s.describeSnapshots>['Snapshots'];
  readonly snapshotAttributes?: Parsed<typeof s.snapshotAttribute>[];
  readonly images?: Parsed<typeof s.describeImages>['Images'];
  readonly loadBalancers?: Parsed<typeof s.elbv2DescribeLoadBalancers>['LoadBalancers'];
  readonly listeners?: Parsed<typeof s.elbv2DescribeListeners>['Listeners'];
  readonly targetGroups?: Parsed<typeof s.elbv2DescribeTargetGroups>['TargetGroups'];
  readonly targetHealth?: Parsed<typeof s.elbv2DescribeTargetHealth>[];
  readonly classicLoadBalancers?: Parsed<
    typeof s.elbDescribeLoadBalancers
  >['LoadBalancerDescriptions'];
}

/** Validates each output's pages; the first problem is a one-line error naming file, page and field. */
export function parseEc2Outputs(outputs: Ec2Outputs, source: string): ParsedEc2 {
  const pages = <T extends z.ZodType>(name: Ec2OutputName, schema: T): Parsed<T>[] | undefined => {
    const list = outputs[name];
    if (list === undefined) return undefined;
    return list.map((page, index) => {
      const where = `${source}/${name}.json${list.length > 1 ? `: page ${index}` : ''}`;
      if (typeof page !== 'object' || page === null || Array.isArray(page)) {
        throw new BadInputError(`${where}: expected the object \`aws ec2 ${name}\` prints`);
      }
      const parsed = schema.safeParse(page);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        throw new BadInputError(`${where}: ${issue ? describeIssue(issue) : 'not valid'}`);
      }
      return parsed.data;
    });
  };
  const required = <T extends z.ZodType>(name: Ec2OutputName, schema: T): Parsed<T>[] =>
    pages(name, schema) ?? [];

  return {
    reservations: required('describe-instances', s.describeInstances).flatMap(
      (p) => p.Reservations,
    ),
    securityGroups: required('describe-security-groups', s.describeSecurityGroups).flatMap(
      (p) => p.SecurityGroups,
    ),
    subnets: required('describe-subnets', s.describeSubnets).flatMap((p) => p.Subnets),
    routeTables: required('describe-route-tables', s.describeRouteTables).flatMap(
      (p) => p.RouteTables,
    ),
    internetGateways: required('describe-internet-gateways', s.describeInternetGateways).flatMap(
      (p) => p.InternetGateways,
    ),
    networkAcls: required('describe-network-acls', s.describeNetworkAcls).flatMap(
      (p) => p.NetworkAcls,
    ),
    networkInterfaces: required('describe-network-interfaces', s.describeNetworkInterfaces).flatMap(
      (p) => p.NetworkInterfaces,
    ),
    vpcs: pages('describe-vpcs', s.describeVpcs)?.flatMap((p) => p.Vpcs),
    natGateways: pages('describe-nat-gateways', s.describeNatGateways)?.flatMap(
      (p) => p.NatGateways,
    ),
    egressOnlyGateways: pages(
      'describe-egress-only-internet-gateways',
      s.describeEgressOnlyGateways,
    )?.flatMap((p) => p.EgressOnlyInternetGateways),
    addresses: pages('describe-addresses', s.describeAddresses)?.flatMap((p) => p.Addresses),
    volumes: pages('describe-volumes', s.describeVolumes)?.flatMap((p) => p.Volumes),
    snapshots: pages('describe-snapshots', s.describeSnapshots)?.flatMap((p) => p.Snapshots),
    snapshotAttributes: pages('describe-snapshot-attributes', s.snapshotAttribute),
    images: pages('describe-images', s.describeImages)?.flatMap((p) => p.Images),
    loadBalancers: pages('elbv2-describe-load-balancers', s.elbv2DescribeLoadBalancers)?.flatMap(
      (p) => p.LoadBalancers,
    ),
    listeners: pages('elbv2-describe-listeners', s.elbv2DescribeListeners)?.flatMap(
      (p) => p.Listeners,
    ),
    targetGroups: pages('elbv2-describe-target-groups', s.elbv2DescribeTargetGroups)?.flatMap(
      (p) => p.TargetGroups,
    ),
    targetHealth: pages('elbv2-describe-target-health', s.elbv2DescribeTargetHealth),
    classicLoadBalancers: pages('elb-describe-load-balancers', s.elbDescribeLoadBalancers)?.flatMap(
      (p) => p.LoadBalancerDescriptions,
    ),
  };
}

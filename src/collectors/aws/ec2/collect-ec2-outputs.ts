import {
  DescribeAddressesCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { pageSizeWithin } from '../resources/resource-output.js';
import type { ResourceScanEnv } from '../resources/resource-collector.js';
import type { AwsScanContext } from '../scan-context.js';
import { collectElbOutputs } from './collect-elb-outputs.js';
import { REQUIRED_EC2_OUTPUTS, type Ec2OutputName, type Ec2Outputs } from './ec2-outputs.js';
import {
  callOrRefusal,
  cliPage,
  collectEach,
  collectPages,
  fieldOfEach,
  type CallSite,
} from './output-pages.js';

/** What every paginated EC2 Describe* takes. */
interface PageRequest {
  MaxResults?: number;
  NextToken?: string;
}

interface Ec2List {
  readonly name: Ec2OutputName;
  readonly operation: string;
  readonly list: string;
  /** The API's largest MaxResults (the smallest is 5); undefined: not paginated. */
  readonly maxResults?: number;
  send(client: EC2Client, page: PageRequest): Promise<object & { NextToken?: string | undefined }>;
}

const EC2_LISTS: readonly Ec2List[] = [
  {
    name: 'describe-instances',
    operation: 'DescribeInstances',
    list: 'Reservations',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeInstancesCommand(p)),
  },
  {
    name: 'describe-security-groups',
    operation: 'DescribeSecurityGroups',
    list: 'SecurityGroups',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeSecurityGroupsCommand(p)),
  },
  {
    name: 'describe-subnets',
    operation: 'DescribeSubnets',
    list: 'Subnets',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeSubnetsCommand(p)),
  },
  {
    name: 'describe-route-tables',
    operation: 'DescribeRouteTables',
    list: 'RouteTables',
    maxResults: 100,
    send: (c, p) => c.send(new DescribeRouteTablesCommand(p)),
  },
  {
    name: 'describe-internet-gateways',
    operation: 'DescribeInternetGateways',
    list: 'InternetGateways',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeInternetGatewaysCommand(p)),
  },
  {
    name: 'describe-network-acls',
    operation: 'DescribeNetworkAcls',
    list: 'NetworkAcls',
    maxResults: 100,
    send: (c, p) => c.send(new DescribeNetworkAclsCommand(p)),
  },
  {
    name: 'describe-network-interfaces',
    operation: 'DescribeNetworkInterfaces',
    list: 'NetworkInterfaces',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeNetworkInterfacesCommand(p)),
  },
  {
    name: 'describe-vpcs',
    operation: 'DescribeVpcs',
    list: 'Vpcs',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeVpcsCommand(p)),
  },
  {
    name: 'describe-nat-gateways',
    operation: 'DescribeNatGateways',
    list: 'NatGateways',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeNatGatewaysCommand(p)),
  },
  {
    name: 'describe-egress-only-internet-gateways',
    operation: 'DescribeEgressOnlyInternetGateways',
    list: 'EgressOnlyInternetGateways',
    maxResults: 255,
    send: (c, p) => c.send(new DescribeEgressOnlyInternetGatewaysCommand(p)),
  },
  {
    name: 'describe-addresses',
    operation: 'DescribeAddresses',
    list: 'Addresses',
    send: (c) => c.send(new DescribeAddressesCommand({})),
  },
  {
    name: 'describe-volumes',
    operation: 'DescribeVolumes',
    list: 'Volumes',
    maxResults: 500,
    send: (c, p) => c.send(new DescribeVolumesCommand(p)),
  },
  {
    name: 'describe-snapshots',
    operation: 'DescribeSnapshots',
    list: 'Snapshots',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeSnapshotsCommand({ ...p, OwnerIds: ['self'] })),
  },
  {
    name: 'describe-images',
    operation: 'DescribeImages',
    list: 'Images',
    maxResults: 1000,
    send: (c, p) => c.send(new DescribeImagesCommand({ ...p, Owners: ['self'] })),
  },
];

const REQUIRED: ReadonlySet<Ec2OutputName> = new Set(REQUIRED_EC2_OUTPUTS);
/** Snapshot attribute reads at once: one call per snapshot adds up in big accounts. */
const ATTRIBUTE_CONCURRENCY = 8;
const SNAPSHOT_GONE = ['InvalidSnapshot.NotFound', 'InvalidSnapshotID.NotFound'];

/**
 * The EC2, VPC and ELB outputs of one account and region, as `cairn import aws-ec2` reads them
 * from files. A refused optional output is left out ("not collected"); a refused required one
 * is empty, so that the rest still becomes records. Either way the refusal is a gap in `ctx`.
 */
export async function collectEc2Outputs(env: ResourceScanEnv): Promise<Ec2Outputs> {
  const { ctx } = env;
  const client = new EC2Client({ ...env.clientConfig });
  env.configureClient?.(client);
  const where = (operation: string): CallSite => ({
    service: 'ec2',
    operation,
    region: ctx.region,
  });
  try {
    const [lists, elb] = await Promise.all([
      Promise.all(
        EC2_LISTS.map(async (spec) => {
          const maxResults =
            spec.maxResults === undefined
              ? undefined
              : pageSizeWithin(env.pageSize, { min: 5, max: spec.maxResults });
          const pages = await collectPages(ctx, {
            where: where(spec.operation),
            list: spec.list,
            send: (token) =>
              spec.send(client, {
                ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
                ...(token === undefined ? {} : { NextToken: token }),
              }),
            nextToken: (page) => page.NextToken,
          });
          return [spec.name, pages ?? (REQUIRED.has(spec.name) ? [] : undefined)] as const;
        }),
      ),
      collectElbOutputs(env),
    ]);
    const outputs: Partial<Record<Ec2OutputName, readonly unknown[]>> = {};
    for (const [name, pages] of lists) if (pages) outputs[name] = pages;
    const snapshots = outputs['describe-snapshots'];
    if (snapshots) {
      const attributes = await snapshotAttributes(ctx, client, where, snapshots);
      if (attributes) outputs['describe-snapshot-attributes'] = attributes;
    }
    return { ...outputs, ...elb };
  } finally {
    client.destroy();
  }
}

/** Who may create volumes from each own snapshot: public (`Group: all`) or other accounts. */
async function snapshotAttributes(
  ctx: AwsScanContext,
  client: EC2Client,
  where: (operation: string) => CallSite,
  snapshots: readonly unknown[],
): Promise<unknown[] | undefined> {
  const ids = fieldOfEach(snapshots, 'Snapshots', 'SnapshotId');
  return collectEach(ctx, ids, ATTRIBUTE_CONCURRENCY, async (id, itemCtx) => {
    const { answer, refused } = await callOrRefusal(
      itemCtx,
      where('DescribeSnapshotAttribute'),
      () =>
        client.send(
          new DescribeSnapshotAttributeCommand({
            SnapshotId: id,
            Attribute: 'createVolumePermission',
          }),
        ),
      SNAPSHOT_GONE,
    );
    if (refused) return undefined;
    // The id is in AWS's answer; kept from the request too, as the converter needs it.
    return answer ? [{ SnapshotId: id, ...cliPage(answer, 'CreateVolumePermissions') }] : [];
  });
}

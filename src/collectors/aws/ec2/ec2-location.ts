import { BadInputError } from '../../../errors/cairn-error.js';
import type { Ec2Location } from './ec2-arn.js';
import type { ParsedEc2 } from './parse-ec2-outputs.js';

const ACCOUNT = /^\d{12}$/;
const REGION_OF_ZONE = /^([a-z]{2}(?:-[a-z]+)+-\d+)/;

/**
 * The account and region a set of outputs describes (one scope). The CLI's outputs do not say
 * so directly: the account is the owner of the instances, security groups and interfaces (subnets
 * may be shared from another account), the region comes from subnet ARNs or availability zones.
 */
export function ec2LocationOf(ec2: ParsedEc2, source: string): Ec2Location {
  const owners = new Set(
    [
      ...ec2.reservations.map((r) => r.OwnerId),
      ...ec2.securityGroups.map((g) => g.OwnerId),
      ...ec2.networkInterfaces.map((n) => n.OwnerId),
    ].filter((id): id is string => id !== undefined),
  );
  if (owners.size === 0) {
    for (const id of ec2.subnets.map((subnet) => subnet.OwnerId)) if (id) owners.add(id);
  }
  if (owners.size > 1) {
    throw new BadInputError(
      `${source}: the outputs describe several accounts (${[...owners].slice(0, 4).join(', ')}); import one account and region per directory`,
    );
  }
  const [account] = owners;
  if (account === undefined || !ACCOUNT.test(account)) {
    throw new BadInputError(
      `${source}: cannot tell the account: no OwnerId on instances, security groups, interfaces or subnets`,
    );
  }

  const regions = new Set<string>();
  for (const subnet of ec2.subnets) {
    const fromArn = subnet.SubnetArn?.split(':')[3];
    const region = fromArn || REGION_OF_ZONE.exec(subnet.AvailabilityZone ?? '')?.[1];
    if (region) regions.add(region);
  }
  for (const reservation of ec2.reservations) {
    for (const instance of reservation.Instances) {
      const region = REGION_OF_ZONE.exec(instance.Placement?.AvailabilityZone ?? '')?.[1];
      if (region) regions.add(region);
    }
  }
  if (regions.size > 1) {
    throw new BadInputError(
      `${source}: the outputs describe several regions (${[...regions].join(', ')}); import one region per directory`,
    );
  }
  const [region] = regions;
  if (region === undefined) {
    throw new BadInputError(
      `${source}: cannot tell the region: no subnet ARN or availability zone in the outputs`,
    );
  }
  const partition = ec2.subnets.find((s) => s.SubnetArn)?.SubnetArn?.split(':')[1];
  return { account, region, ...(partition ? { partition } : {}) };
}

import { UsageError } from '../../../errors/cairn-error.js';
import { quoteInput } from '../../../records/describe-issue.js';
import type { ResourceCollector } from './resource-collector.js';

/** What `cairn scan aws` collects besides IAM and Organizations. */
export interface ResourceScanOptions {
  /** These regions only; otherwise every region enabled in the account (EC2 DescribeRegions). */
  readonly regions?: readonly string[];
  /** These collectors only (by service name, e.g. `ec2`); otherwise all of them. */
  readonly services?: readonly string[];
  /** Page size for paginated calls (tests force several pages). */
  readonly pageSize?: number;
  /** Collections (one service of one region) running at once per account. */
  readonly concurrency?: number;
}

/** An AWS region name, e.g. `us-east-1`, `us-gov-west-1`, `ap-southeast-4`. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Refuses a region that is not a region name, before any call is made. */
export function checkRegionNames(regions: readonly string[], where = 'region'): void {
  if (regions.length === 0) throw new UsageError(`${where}: expected at least one region`);
  for (const region of regions) {
    if (region.length > 32 || !REGION_NAME.test(region)) {
      throw new UsageError(
        `${where}: ${quoteInput(region, 40)} is not an AWS region name (e.g. eu-west-1)`,
      );
    }
  }
}

/** The collectors `services` names (all without it); an unknown name is refused. */
export function selectCollectors(
  collectors: readonly ResourceCollector[],
  services: readonly string[] | undefined,
  where = 'services',
): ResourceCollector[] {
  if (services === undefined) return [...collectors];
  const known = collectors.map((collector) => collector.service);
  if (services.length === 0) {
    throw new UsageError(`${where}: expected at least one of ${known.join(', ')}`);
  }
  const unknown = services.find((service) => !known.includes(service));
  if (unknown !== undefined) {
    throw new UsageError(
      `${where}: unknown service ${quoteInput(unknown, 40)}; expected one of ${known.join(', ')}`,
    );
  }
  return collectors.filter((collector) => services.includes(collector.service));
}

/** Checks what can be checked before the scan calls AWS. */
export function checkResourceScanOptions(
  options: ResourceScanOptions,
  collectors: readonly ResourceCollector[],
): void {
  if (options.regions !== undefined) checkRegionNames(options.regions, 'regions');
  selectCollectors(collectors, options.services);
  for (const [name, value] of [
    ['pageSize', options.pageSize],
    ['concurrency', options.concurrency],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new UsageError(`${name}: expected a positive whole number, got ${String(value)}`);
    }
  }
}

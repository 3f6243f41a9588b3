import { z } from 'zod';
import { BadInputError } from '../../../errors/cairn-error.js';
import { quoteInput } from '../../../records/describe-issue.js';

/** What a bucket's region is recorded as when neither GetBucketLocation nor ListBuckets said. */
export const UNKNOWN_REGION = 'unknown';

/** A region name, checked since it picks the client (and so the host) a bucket's calls go to. */
export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, 'expected a region name, e.g. eu-west-1');

const locationAnswer = z.looseObject({ LocationConstraint: z.string().max(64).nullish() });

/**
 * The bucket's region from its GetBucketLocation answer (no constraint is us-east-1, `EU` the
 * legacy name of eu-west-1), else the `BucketRegion` ListBuckets gave; undefined when neither.
 */
export function bucketRegion(
  location: unknown,
  listedRegion: string | undefined,
  where: string,
): string | undefined {
  if (location === undefined) return listedRegion;
  const parsed = locationAnswer.safeParse(location);
  if (!parsed.success) throw new BadInputError(`${where}: GetBucketLocation: expected an object`);
  const constraint = parsed.data.LocationConstraint;
  const region = !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
  if (!awsRegion.safeParse(region).success) {
    throw new BadInputError(
      `${where}: GetBucketLocation: LocationConstraint ${quoteInput(region)} is not a region`,
    );
  }
  return region;
}

/** The partition of the ARNs of a region's resources (`arn:<partition>:s3:::bucket`). */
export function partitionOfRegion(region: string): string {
  const prefixes: readonly [string, string][] = [
    ['cn-', 'aws-cn'],
    ['us-gov-', 'aws-us-gov'],
    ['us-isob-', 'aws-iso-b'],
    ['us-isof-', 'aws-iso-f'],
    ['us-iso-', 'aws-iso'],
    ['eu-isoe-', 'aws-iso-e'],
  ];
  return prefixes.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

export function bucketArn(partition: string, name: string): string {
  return `arn:${partition}:s3:::${name}`;
}

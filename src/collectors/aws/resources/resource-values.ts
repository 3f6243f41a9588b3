import { z } from 'zod';
import { parseArn } from '../iam/arn.js';

/*
 * zod schemas for values the Lambda, RDS, CloudTrail and EKS answers share. Objects elsewhere
 * are loose (AWS adds fields); the values Cairn reads are typed and bounded, so a hostile or
 * broken answer is an error naming the field rather than garbage in the graph.
 */

export const text = z.string().max(4096);
export const name = z.string().min(1).max(1024);

const ACCOUNT = /^\d{12}$/;

/** An ARN of `service` with a 12-digit account and a region (what every regional resource has). */
export function regionalArn(service: string): z.ZodType<string> {
  return z
    .string()
    .max(2048)
    .refine(
      (value) => {
        const arn = parseArn(value);
        return (
          arn !== undefined &&
          arn.service === service &&
          ACCOUNT.test(arn.account) &&
          /^[a-z0-9-]+$/.test(arn.region) &&
          arn.resource !== ''
        );
      },
      {
        message: `expected a '${service}' ARN (arn:<partition>:${service}:<region>:<account>:...)`,
      },
    );
}

/** An IAM role ARN, e.g. a function's execution role. */
export const roleArn = z
  .string()
  .max(2048)
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/, 'expected an IAM role ARN');

/** A timestamp as the SDK or CLI prints it (`...Z`, `+0000`, nanoseconds), as ISO-8601 UTC. */
export const dateTime = z
  .string()
  .max(64)
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'expected a date and time',
  })
  .transform((value) => new Date(value).toISOString());

/** EC2 ids as other services quote them; checked since they become parts of ARNs. */
export const subnetId = z.string().regex(/^subnet-[A-Za-z0-9]{1,64}$/, 'expected a subnet-... id');
export const securityGroupId = z.string().regex(/^sg-[A-Za-z0-9]{1,64}$/, 'expected a sg-... id');
/** A VPC id; some answers give `""` for "not in a VPC". */
export const vpcId = z.string().regex(/^(?:vpc-[A-Za-z0-9]{1,64})?$/, 'expected a vpc-... id');

/** `[{Key, Value}]`, as RDS and CloudTrail return tags. */
export const tagList = z
  .array(z.looseObject({ Key: z.string().max(256), Value: z.string().max(1024).optional() }))
  .max(1000);

/** `{key: value}`, as Lambda and EKS return tags. */
export const tagMap = z
  .record(z.string().max(256), z.string().max(1024))
  .refine((tags) => Object.keys(tags).length <= 1000, { message: 'too many tags' });

/** Tags as the key → value object models store; undefined when there are none. */
export function tagsFromList(
  tags: readonly { Key: string; Value?: string | undefined }[] | undefined,
): Record<string, string> | undefined {
  if (!tags || tags.length === 0) return undefined;
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value ?? '']));
}

export function tagsFromMap(
  tags: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  return tags && Object.keys(tags).length > 0 ? { ...tags } : undefined;
}

import type { z } from 'zod';
import { BadInputError } from '../../../errors/cairn-error.js';
import { describeIssue } from '../../../records/describe-issue.js';

/*
 * Helpers the Lambda, RDS, CloudTrail and EKS collectors share: an SDK answer in the form the
 * CLI prints, validated by a zod schema into a one-line BadInputError naming where and which field.
 */

/**
 * An SDK answer without its `$metadata`, with dates as ISO strings (what `aws ... --output json`
 * prints), so the converters read the same shape whether it came live or from a file.
 */
export function plainOutput(output: object): unknown {
  const { $metadata: _metadata, ...body } = output as Record<string, unknown>;
  return JSON.parse(JSON.stringify(body)) as unknown;
}

/** `value` validated by `schema`; the first problem becomes `<where>: field "x": ...`. */
export function parseOutput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.infer<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadInputError(`${where}: expected an object`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new BadInputError(`${where}: ${issue ? describeIssue(issue) : 'not valid'}`);
  }
  return parsed.data;
}

/** The page size to ask for: the test's (or caller's) choice within what the API accepts. */
export function pageSizeWithin(
  requested: number | undefined,
  limits: { readonly min: number; readonly max: number },
): number {
  if (requested === undefined || !Number.isFinite(requested)) return limits.max;
  return Math.min(limits.max, Math.max(limits.min, Math.trunc(requested)));
}

/**
 * Reads the answers about one item (a bucket, a key): each is checked like `parseOutput`, and an
 * answer that is absent (the call was denied or not made) stays undefined.
 */
export function answerReader(
  where: string,
): <T extends z.ZodType>(schema: T, answer: unknown, operation: string) => z.infer<T> | undefined {
  return (schema, answer, operation) =>
    answer === undefined ? undefined : parseOutput(schema, answer, `${where}: ${operation}`);
}

import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';

export type ObjectAccess = 'read' | 'write';

const values = z.array(z.string()).max(10_000);
const basicSelectors = z.array(
  z.looseObject({
    ReadWriteType: z.string().optional(),
    DataResources: z
      .array(z.looseObject({ Type: z.string(), Values: values.optional() }))
      .optional(),
  }),
);
const fieldSelector = z.looseObject({
  Field: z.string(),
  Equals: values.optional(),
  StartsWith: values.optional(),
  EndsWith: values.optional(),
  NotEquals: values.optional(),
  NotStartsWith: values.optional(),
  NotEndsWith: values.optional(),
});
type FieldSelector = z.infer<typeof fieldSelector>;
const advancedSelectors = z.array(
  z.looseObject({ Name: z.string().optional(), FieldSelectors: z.array(fieldSelector) }),
);

/** What a trail's selectors say about one bucket: covered, or why not. */
export type Coverage =
  { readonly covered: true } | { readonly covered: false; readonly why: string };

/**
 * Whether a trail's event selectors log `access` data events for every object of the bucket.
 * Basic selectors: an `AWS::S3::Object` data resource whose value is a prefix of
 * `<bucket ARN>/` (`arn:aws:s3` or `arn:aws:s3:::` mean every bucket) and a ReadWriteType that
 * includes the access. Advanced selectors: every field selector must let all such events through;
 * a filter on anything else (event name, caller, error code...) logs only some of them.
 */
export function trailCoversObjects(
  basic: unknown,
  advanced: unknown,
  bucketArn: string,
  access: ObjectAccess,
  where: string,
): Coverage {
  const objects = `${bucketArn}/`;
  const reasons: string[] = [];
  for (const selector of parse(basicSelectors, basic ?? [], `${where}: eventSelectors`)) {
    const type = selector.ReadWriteType ?? 'All';
    if (type !== 'All' && type !== (access === 'read' ? 'ReadOnly' : 'WriteOnly')) {
      reasons.push(`a basic selector logs ${type} events only`);
      continue;
    }
    const covering = (selector.DataResources ?? []).some(
      (r) => r.Type === 'AWS::S3::Object' && (r.Values ?? []).some((v) => objects.startsWith(v)),
    );
    if (covering) return { covered: true };
    reasons.push('no basic selector names the bucket (or every bucket) for object events');
  }
  const advancedList = parse(advancedSelectors, advanced ?? [], `${where}: advancedEventSelectors`);
  for (const selector of advancedList) {
    const problem = selector.FieldSelectors.map((f) => fieldProblem(f, objects, access)).find(
      (p) => p !== undefined,
    );
    if (problem === undefined) return { covered: true };
    reasons.push(`advanced selector ${selector.Name ?? '(unnamed)'}: ${problem}`);
  }
  return { covered: false, why: reasons[0] ?? 'no data event selectors' };
}

/** Why a field selector would drop some of the bucket's object events, or undefined. */
function fieldProblem(f: FieldSelector, objects: string, access: ObjectAccess): string | undefined {
  switch (f.Field) {
    case 'eventCategory':
      return passesExactly(f, 'Data') ? undefined : 'does not select data events';
    case 'resources.type':
      return passesExactly(f, 'AWS::S3::Object') ? undefined : 'does not select S3 objects';
    case 'readOnly':
      return passesExactly(f, access === 'read' ? 'true' : 'false')
        ? undefined
        : `logs ${access === 'read' ? 'write' : 'read'} events only`;
    case 'resources.ARN':
      return arnProblem(f, objects);
    case 'eventSource':
      return passesExactly(f, 's3.amazonaws.com') ? undefined : 'filters on eventSource';
    default:
      return `filters on ${f.Field}, so only some events are logged`;
  }
}

/** Every operator present lets `value` through (a conservative reading: operators AND). */
function passesExactly(f: FieldSelector, value: string): boolean {
  return (
    (f.Equals === undefined || f.Equals.includes(value)) &&
    (f.StartsWith === undefined || f.StartsWith.some((v) => value.startsWith(v))) &&
    (f.EndsWith === undefined || f.EndsWith.some((v) => value.endsWith(v))) &&
    !(f.NotEquals ?? []).includes(value) &&
    !(f.NotStartsWith ?? []).some((v) => value.startsWith(v)) &&
    !(f.NotEndsWith ?? []).some((v) => value.endsWith(v))
  );
}

/** An ARN filter covers every object when it only requires a prefix of `<bucket ARN>/`. */
function arnProblem(f: FieldSelector, objects: string): string | undefined {
  if (f.Equals !== undefined) return 'names single objects (Equals)';
  if (f.EndsWith !== undefined) return 'keeps only some object keys (EndsWith)';
  if (f.StartsWith !== undefined && !f.StartsWith.some((v) => objects.startsWith(v)))
    return 'names other buckets or only part of this one';
  // An exclusion that can match any object of the bucket leaves that object unlogged.
  if ((f.NotStartsWith ?? []).some((v) => objects.startsWith(v) || v.startsWith(objects)))
    return 'excludes objects of the bucket (NotStartsWith)';
  if ((f.NotEquals ?? []).some((v) => v.startsWith(objects)))
    return 'excludes objects of the bucket (NotEquals)';
  if ((f.NotEndsWith ?? []).length > 0) return 'excludes object keys by suffix (NotEndsWith)';
  return undefined;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new BadInputError(`${where}: ${first ? describeIssue(first) : 'not valid selectors'}`);
}

import { z } from 'zod';
import { decodePolicyDocument } from '../../../collectors/aws/iam/policy-document-text.js';
import { BadInputError } from '../../../errors/cairn-error.js';
import { describeIssue } from '../../../records/describe-issue.js';

export type PolicyEffect = 'Allow' | 'Deny';

/** A Principal/NotPrincipal element: `"*"` or lists per principal kind. */
export interface PrincipalSpec {
  readonly wildcard: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

/** One `operator: { key: values }` pair; values as strings, the way AWS compares them. */
export interface ConditionEntry {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: PolicyEffect;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: PrincipalSpec | undefined;
  readonly conditions: readonly ConditionEntry[];
}

export interface PolicyDocument {
  /** `2012-10-17` enables policy variables; absent means the 2008 language (no variables). */
  readonly version: string | undefined;
  readonly statements: readonly PolicyStatement[];
}

const stringList = z.union([z.string(), z.array(z.string()).min(1)]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const principalValue = z.union([
  z.literal('*'),
  z.strictObject({
    AWS: stringList.optional(),
    Service: stringList.optional(),
    Federated: stringList.optional(),
    CanonicalUser: stringList.optional(),
  }),
]);
const statementSchema = z.strictObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringList.optional(),
  NotAction: stringList.optional(),
  Resource: stringList.optional(),
  NotResource: stringList.optional(),
  Principal: principalValue.optional(),
  NotPrincipal: principalValue.optional(),
  Condition: z
    .record(z.string(), z.record(z.string(), z.union([scalar, z.array(scalar)])))
    .optional(),
});
const documentSchema = z.strictObject({
  Version: z.enum(['2012-10-17', '2008-10-17']).optional(),
  Id: z.string().optional(),
  // Statements are checked one by one below, so an error names `Statement[i].Field`.
  Statement: z.union([z.array(z.unknown()).min(1), z.record(z.string(), z.unknown())]),
});

type RawStatement = z.infer<typeof statementSchema>;

/**
 * Validates a policy document given as an object, a JSON string or URL-encoded JSON (as
 * `get-account-authorization-details` prints it). Errors name `where` and the offending field.
 */
export function parsePolicyDocument(input: unknown, where: string): PolicyDocument {
  const document = check(documentSchema, decodeInput(input, where), where, []);
  const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    version: document.Version,
    statements: list.map((raw, index) => {
      const statement = check(statementSchema, raw, where, [`Statement[${index}]`]);
      return normalize(statement, index, where);
    }),
  };
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string, path: string[]): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new BadInputError(`${where}: ${first ? describeIssue(first, path) : 'invalid policy'}`);
}

function decodeInput(input: unknown, where: string): unknown {
  if (typeof input === 'string') {
    const decoded = decodePolicyDocument(input);
    if ('problem' in decoded) throw new BadInputError(`${where}: policy ${decoded.problem}`);
    return decoded.document;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BadInputError(`${where}: a policy document must be a JSON object`);
  }
  return input;
}

function normalize(raw: RawStatement, index: number, where: string): PolicyStatement {
  const at = `${where}: Statement[${index}]`;
  exactlyOne(raw.Action, raw.NotAction, `${at} needs exactly one of Action or NotAction`);
  if (raw.Resource !== undefined && raw.NotResource !== undefined) {
    throw new BadInputError(`${at} has both Resource and NotResource`);
  }
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) {
    throw new BadInputError(`${at} has both Principal and NotPrincipal`);
  }
  return {
    index,
    sid: raw.Sid,
    effect: raw.Effect,
    action: listOf(raw.Action),
    notAction: listOf(raw.NotAction),
    resource: listOf(raw.Resource),
    notResource: listOf(raw.NotResource),
    principal: principalOf(raw.Principal),
    notPrincipal: principalOf(raw.NotPrincipal),
    conditions: conditionsOf(raw.Condition),
  };
}

function exactlyOne(a: unknown, b: unknown, message: string): void {
  if ((a === undefined) === (b === undefined)) throw new BadInputError(message);
}

function listOf(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? [value] : value;
}

function principalOf(value: RawStatement['Principal']): PrincipalSpec | undefined {
  if (value === undefined) return undefined;
  if (value === '*') {
    return { wildcard: true, aws: [], service: [], federated: [], canonicalUser: [] };
  }
  const aws = listOf(value.AWS) ?? [];
  return {
    // {"AWS": "*"} means every principal, like "*".
    wildcard: aws.includes('*'),
    aws: aws.filter((entry) => entry !== '*'),
    service: listOf(value.Service) ?? [],
    federated: listOf(value.Federated) ?? [],
    canonicalUser: listOf(value.CanonicalUser) ?? [],
  };
}

function conditionsOf(raw: RawStatement['Condition']): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const [operator, keys] of Object.entries(raw ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const values = Array.isArray(value) ? value : [value];
      entries.push({ operator, key, values: values.map(String) });
    }
  }
  return entries;
}

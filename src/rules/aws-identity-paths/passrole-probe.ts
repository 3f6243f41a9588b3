import {
  ActionCatalog,
  compileDocument,
  evaluateRequest,
  parsePolicyDocument,
  type CompiledPolicy,
  type Decision,
  type PolicyDocument,
} from '../../analyze/aws/policy/index.js';

export const PASS_ROLE = 'iam:PassRole';

// The engine only needs the actions it is asked about; patterns still match unknown ones.
const CATALOG = ActionCatalog.fromActionNames([PASS_ROLE]);

/** A policy as a rule row carries it: its id and (JSON) document. */
export interface PolicyInput {
  readonly id: string;
  readonly document: unknown;
}

export interface ParsedPolicy {
  readonly id: string;
  readonly document: PolicyDocument;
  readonly compiled: CompiledPolicy;
}

// Thousands of principals share a few managed policies: parse and compile each text once.
const cache = new Map<string, ParsedPolicy>();
const CACHE_LIMIT = 20_000;

/** Parses and compiles one policy; a malformed document throws a BadInputError naming it. */
export function parsePolicy(input: PolicyInput, owner: string): ParsedPolicy {
  const text = typeof input.document === 'string' ? input.document : JSON.stringify(input.document);
  const key = `${input.id}\n${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const document = parsePolicyDocument(input.document, `policy "${input.id}" of ${owner}`);
  const parsed = { id: input.id, document, compiled: compileDocument(document, input.id, CATALOG) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

/**
 * The decision for passing a role no policy names on purpose: a role name of the principal's own
 * account that only `*`-like resources (`*`, `arn:aws:iam::*:role/*`) match. Allowed (or
 * conditional) means the principal may pass any role, admin roles included.
 */
export function passAnyRoleDecision(
  principalArn: string,
  account: string,
  identity: readonly ParsedPolicy[],
  boundary: ParsedPolicy | undefined,
): Decision {
  return evaluateRequest(
    {
      identity: identity.map((p) => p.compiled),
      ...(boundary ? { permissionsBoundary: boundary.compiled } : {}),
    },
    {
      principal: { arn: principalArn },
      action: PASS_ROLE,
      resource: `arn:aws:iam::${account}:role/cairn-probe-any-role-7f3c`,
    },
  );
}

import type { CompiledPolicy, CompiledStatement } from '../policy/index.js';

/** What a resource policy says about who it names, precomputed once per policy. */
export interface PolicyFacts {
  /** An Allow names everyone (`*`, `{"AWS": "*"}`) or uses NotPrincipal. */
  readonly allowsEveryone: boolean;
  /** Accounts an Allow names (by id or root ARN): their principals are candidates. */
  readonly allowedAccounts: ReadonlySet<string>;
  /** Principal ARNs an Allow names. */
  readonly allowedArns: ReadonlySet<string>;
  /** Every principal ARN any statement names: such a principal is decided on its own. */
  readonly namedArns: ReadonlySet<string>;
  /** Conditions or variables depend on which principal calls, beyond its account and kind. */
  readonly principalSensitive: boolean;
  /** Resource patterns of its Allow statements: the objects or users worth trying. */
  readonly allowPatterns: readonly string[];
  /**
   * S3's notion of a public policy: an Allow to everyone that no condition pins to fixed
   * accounts, organizations, networks or sources. Block Public Access acts on these.
   */
  readonly isPublic: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
/** Condition keys that single out the calling principal. */
const PRINCIPAL_KEYS = /^aws:(principalarn|username|userid)$/i;
/**
 * Keys whose fixed values make a grant to `*` non-public (the S3 User Guide's "The meaning of
 * public"). Simplification: any non-negated operator with wildcard-free values counts.
 */
const PINNING_KEYS = new Set(
  [
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOwner',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((key) => key.toLowerCase()),
);

/** `s3SaysPublic`: S3's own verdict (GetBucketPolicyStatus), which wins when collected. */
export function policyFacts(policy: CompiledPolicy, s3SaysPublic?: boolean): PolicyFacts {
  let allowsEveryone = false;
  let principalSensitive = false;
  let isPublic = false;
  const allowedAccounts = new Set<string>();
  const allowedArns = new Set<string>();
  const namedArns = new Set<string>();
  const allowPatterns: string[] = [];
  for (const statement of policy.statements) {
    const allow = statement.effect === 'Allow';
    const principal = statement.principal;
    if (principal) {
      const everyone = principal.negated || principal.spec.wildcard;
      for (const value of principal.spec.aws) {
        const account = ACCOUNT_ID.test(value) ? value : ROOT_ARN.exec(value)?.[1];
        if (account === undefined) namedArns.add(value);
        if (!allow || principal.negated) continue;
        if (account !== undefined) allowedAccounts.add(account);
        else allowedArns.add(value);
      }
      if (allow && everyone) {
        allowsEveryone = true;
        if (!pinned(statement)) isPublic = true;
      }
    }
    if (allow) allowPatterns.push(...(statement.resources?.patterns ?? []));
    principalSensitive ||= dependsOnPrincipal(statement);
  }
  return {
    allowsEveryone,
    allowedAccounts,
    allowedArns,
    namedArns,
    principalSensitive,
    allowPatterns,
    isPublic: s3SaysPublic ?? isPublic,
  };
}

/** A statement whose match depends on which principal calls (its ARN, name, id or a variable). */
export function dependsOnPrincipal(statement: CompiledStatement): boolean {
  if (statement.resources?.patterns.some((p) => p.includes('${'))) return true;
  return statement.conditions.conditions.some(
    ({ entry }) => PRINCIPAL_KEYS.test(entry.key) || entry.values.some((v) => v.includes('${')),
  );
}

function pinned(statement: CompiledStatement): boolean {
  return statement.conditions.conditions.some(({ entry }) => {
    if (!PINNING_KEYS.has(entry.key.toLowerCase())) return false;
    if (/not|forallvalues|ifexists/i.test(entry.operator) || entry.operator === 'Null') {
      return false;
    }
    return entry.values.every((value) =>
      entry.key.toLowerCase() === 'aws:sourceip' ? narrowCidr(value) : !/[*?]/.test(value),
    );
  });
}

/** A source address range narrow enough not to be "anyone": at least /8 (IPv4) or /32 (IPv6). */
function narrowCidr(value: string): boolean {
  const [address = '', prefix] = value.split('/');
  const bits = prefix === undefined ? (address.includes(':') ? 128 : 32) : Number(prefix);
  if (!Number.isInteger(bits)) return false;
  return address.includes(':') ? bits >= 32 : bits >= 8;
}

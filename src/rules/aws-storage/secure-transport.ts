import type { PolicyStatement } from '../../analyze/aws/policy/index.js';
import { parsePolicyDocument } from '../../analyze/aws/policy/index.js';
import { globSource, globToRegExp } from '../../analyze/aws/policy/wildcard.js';

/** How far a bucket policy refuses requests that arrive without TLS. */
export interface InsecureTransportDenial {
  /** Statements (Sid, else `Statement[i]`) that deny plain-HTTP requests to the bucket ARN. */
  readonly bucketDeniedBy: readonly string[];
  /** Statements that deny plain-HTTP requests to every object of the bucket. */
  readonly objectsDeniedBy: readonly string[];
  /** Deny statements on aws:SecureTransport that were not counted, with the reason. */
  readonly ignored: readonly string[];
}

/**
 * Finds Deny statements that refuse every S3 action to every principal whenever
 * aws:SecureTransport is false. A Deny keyed on s3:TlsVersion alone does not count: plain-HTTP
 * requests carry no TLS version, so a numeric condition on it never matches them. A statement
 * with any further condition (or NotPrincipal, NotAction, NotResource) is narrower than "every
 * plain-HTTP request" and is listed in `ignored` instead.
 */
export function insecureTransportDenial(
  policy: unknown,
  bucketArn: string,
  where: string,
): InsecureTransportDenial {
  const document = parsePolicyDocument(policy, where);
  const bucketDeniedBy: string[] = [];
  const objectsDeniedBy: string[] = [];
  const ignored: string[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== 'Deny' || !mentionsSecureTransport(statement)) continue;
    const name = statement.sid ?? `Statement[${statement.index}]`;
    const problem = whyNotCounted(statement);
    if (problem) {
      ignored.push(`${name}: ${problem}`);
      continue;
    }
    const resources = statement.resource ?? [];
    if (resources.some((r) => globToRegExp(r).test(bucketArn))) bucketDeniedBy.push(name);
    if (resources.some((r) => coversEveryKeyUnder(r, `${bucketArn}/`))) objectsDeniedBy.push(name);
  }
  return { bucketDeniedBy, objectsDeniedBy, ignored };
}

function mentionsSecureTransport(statement: PolicyStatement): boolean {
  return statement.conditions.some((c) => c.key.toLowerCase() === 'aws:securetransport');
}

function whyNotCounted(statement: PolicyStatement): string | undefined {
  if (statement.notPrincipal) return 'uses NotPrincipal';
  if (!statement.principal?.wildcard) return 'does not apply to every principal ("*")';
  if (!statement.action) return 'uses NotAction';
  if (!statement.action.some((a) => coversEveryKeyUnder(a, 's3:', 'i')))
    return 'does not deny every S3 action (s3:* or *)';
  if (!statement.resource) return 'uses NotResource';
  for (const c of statement.conditions) {
    const operator = c.operator.toLowerCase();
    const onTransport = c.key.toLowerCase() === 'aws:securetransport';
    if (!onTransport) return `is narrowed by another condition (${c.operator} ${c.key})`;
    if (operator !== 'bool' && operator !== 'boolifexists')
      return `tests aws:SecureTransport with ${c.operator}, not Bool`;
    if (!c.values.some((v) => v.toLowerCase() === 'false'))
      return 'does not match aws:SecureTransport false';
  }
  return undefined;
}

/**
 * Whether the glob matches every string that starts with `prefix`: it must end in `*` and what
 * comes before that must match some leading part of the prefix (`*`, `arn:aws:s3:::b*`,
 * `arn:aws:s3:::b/*`, `arn:aws:s3:::*` all cover `arn:aws:s3:::b/`; `arn:aws:s3:::b/logs/*` does not).
 */
export function coversEveryKeyUnder(glob: string, prefix: string, flags = ''): boolean {
  if (!glob.endsWith('*')) return false;
  return new RegExp(`^${globSource(glob.slice(0, -1))}`, `s${flags}`).test(prefix);
}

import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';
import type { Evaluator, RuleRow, Verdict } from '../evaluator.js';
import { jsonEvidence, jsonValue } from './json-evidence.js';
import { effectiveBlock } from './public-access-block.js';
import { ruleParams } from './rule-params.js';
import { trailCoversObjects } from './s3-data-events.js';
import { insecureTransportDenial } from './secure-transport.js';

/** Evidence flags the queries set when the scan recorded a denied read (a CoverageGap). */
function unread(row: RuleRow, name: string): boolean {
  return row.evidence[name] === true;
}

/** aws-s3-deny-http: the bucket policy refuses plain-HTTP requests to the bucket and its objects. */
export const s3DenyHttp: Evaluator = (row) => {
  const policy = jsonEvidence(row, 'policy');
  if (policy === undefined) {
    if (unread(row, 'policyUnread'))
      return {
        status: 'NOT_APPLICABLE',
        message: 'the bucket policy could not be read (access denied)',
      };
    return {
      status: 'FAIL',
      evidence: { policy: null },
      message: 'the bucket has no policy, so HTTP requests are not denied',
    };
  }
  if (typeof policy === 'string')
    return {
      status: 'NOT_APPLICABLE',
      message: 'the bucket policy exists but is not readable JSON',
    };
  const found = insecureTransportDenial(policy, row.resource, `bucket policy of ${row.resource}`);
  const evidence = { ...found };
  if (found.bucketDeniedBy.length > 0 && found.objectsDeniedBy.length > 0)
    return { status: 'PASS', evidence };
  const missing =
    found.bucketDeniedBy.length === 0 && found.objectsDeniedBy.length === 0
      ? 'the bucket or its objects'
      : found.bucketDeniedBy.length === 0
        ? 'the bucket itself'
        : 'all of its objects';
  const hint = found.ignored[0] ? ` (${found.ignored[0]})` : '';
  return {
    status: 'FAIL',
    evidence,
    message: `no Deny of s3:* to "*" when aws:SecureTransport is false covers ${missing}${hint}`,
  };
};

/** aws-s3-block-public-access: all four settings on, each by the bucket's block or the account's. */
export const s3BlockPublicAccess: Evaluator = (row) => {
  const bucket = jsonEvidence(row, 'publicAccessBlock');
  const account = jsonEvidence(row, 'accountPublicAccessBlock');
  const block = effectiveBlock(bucket, account, row.resource);
  const evidence = { ...block };
  if (block.off.length === 0) return { status: 'PASS', evidence };
  const bucketUnknown = bucket === undefined && unread(row, 'bucketBlockUnread');
  const accountUnknown = account === undefined && unread(row, 'accountBlockUnread');
  if (bucketUnknown || accountUnknown)
    return {
      status: 'NOT_APPLICABLE',
      evidence,
      message: `the ${bucketUnknown ? "bucket's" : "account's"} public access block could not be read (access denied)`,
    };
  return {
    status: 'FAIL',
    evidence,
    message: `${block.off.join(', ')} off for the bucket and the account`,
  };
};

const objectLoggingParams = z.object({ access: z.enum(['read', 'write']) }).strict();
const trailFacts = z.array(
  z.looseObject({
    id: z.string(),
    eventSelectors: z.unknown().optional(),
    advancedEventSelectors: z.unknown().optional(),
  }),
);

/**
 * aws-s3-object-{read,write}-logging: some logging trail that sees the bucket's region (its own
 * account's, or an organization trail of its management account) logs those object events.
 */
export const s3ObjectLogging: Evaluator = (row) => {
  const { access } = ruleParams(objectLoggingParams, row);
  if (row.evidence['cloudTrailScanned'] !== true)
    return {
      status: 'NOT_APPLICABLE',
      message: `CloudTrail of account ${row.account ?? '?'} (and its management account) was not scanned`,
    };
  const trails = trailFacts.safeParse(row.evidence['trails'] ?? []);
  if (!trails.success)
    throw new BadInputError(`${row.resource}: evidence.trails is not a list of trails`);
  const reasons: string[] = [];
  for (const trail of trails.data) {
    const where = `trail ${trail.id}`;
    const coverage = trailCoversObjects(
      jsonValue(trail.eventSelectors, `${where} eventSelectors`, row),
      jsonValue(trail.advancedEventSelectors, `${where} advancedEventSelectors`, row),
      row.resource,
      access,
      where,
    );
    if (coverage.covered) return { status: 'PASS', evidence: { access, loggedBy: trail.id } };
    reasons.push(`${trail.id}: ${coverage.why}`);
  }
  const verdict: Verdict = {
    status: 'FAIL',
    evidence: { access, trailsChecked: trails.data.map((t) => t.id) },
    message:
      reasons.length === 0
        ? `no logging trail covers region ${row.region ?? '?'}, so object ${access}s are not logged`
        : `no logging trail logs object ${access}s of this bucket (${reasons[0] ?? ''})`,
  };
  return verdict;
};

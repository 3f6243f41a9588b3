import type { StatementRef } from '../policy/index.js';
import type { AccessEvidence } from './access-result.js';

/** A statement as stored: `[policyType, policyId, statementIndex, effect, sid?, level?]`. */
type StoredRef = [
  StatementRef['policyType'],
  string,
  number,
  StatementRef['effect'],
  (string | null)?,
  number?,
];

/**
 * CAN_ACCESS evidence as compact JSON, the statement tuples of the other derived edges plus the
 * public grants that are not statements (an ACL grant, an attribute). The store's own ARN is
 * left out; only conditional actions say so.
 */
export function encodeAccessEvidence(evidence: readonly AccessEvidence[], store: string): string {
  return JSON.stringify(
    evidence.map((e) => ({
      action: e.action,
      ...(e.resource === store ? {} : { resource: e.resource }),
      ...(e.decidedBy.length ? { by: e.decidedBy.map(tuple) } : {}),
      ...(e.acl ? { acl: e.acl } : {}),
      ...(e.attribute ? { attribute: e.attribute } : {}),
      ...(e.conditional ? { conditional: true } : {}),
    })),
  );
}

function tuple(ref: StatementRef): StoredRef {
  const out: StoredRef = [ref.policyType, ref.policyId, ref.statementIndex, ref.effect];
  if (ref.sid !== undefined || ref.level !== undefined) out.push(ref.sid ?? null);
  if (ref.level !== undefined) out.push(ref.level);
  return out;
}

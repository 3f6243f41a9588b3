import { BadInputError } from '../../errors/cairn-error.js';
import type { StatementRef } from '../../analyze/aws/policy/index.js';
import type { RuleRow, Verdict } from '../evaluator.js';
import { accountOfArn } from './principal-account.js';
import {
  passAnyRoleDecision,
  parsePolicy,
  type ParsedPolicy,
  type PolicyInput,
} from './passrole-probe.js';
import { flag, recordList } from './row-fields.js';

function policyInput(raw: Record<string, unknown>, row: RuleRow, field: string): PolicyInput {
  const id = raw['id'];
  if (typeof id !== 'string') {
    throw new BadInputError(
      `rule row for ${row.resource}: evidence.${field} has a policy without an id`,
    );
  }
  return { id, document: raw['document'] };
}

/** The statement a decision names, with the resources it was written for. */
function describe(
  ref: StatementRef,
  byId: ReadonlyMap<string, ParsedPolicy>,
): Record<string, unknown> {
  const statement = byId.get(ref.policyId)?.document.statements[ref.statementIndex];
  return {
    policy: ref.policyId,
    statement: ref.statementIndex,
    ...(ref.sid ? { sid: ref.sid } : {}),
    ...(statement?.resource ? { resource: statement.resource } : {}),
    ...(statement?.notResource ? { notResource: statement.notResource } : {}),
  };
}

/**
 * aws-iam-passrole-any-resource: FAIL when the principal's identity policies, after every Deny and
 * its permissions boundary, let it pass any role of its account (not only named ones).
 */
export function evaluatePassRoleAnyResource(row: RuleRow): Verdict {
  if (flag(row, 'boundaryUnknown')) {
    return {
      status: 'NOT_APPLICABLE',
      evidence: { boundaryUnknown: true },
      message: 'its permissions boundary was not collected',
    };
  }
  const account = row.account ?? accountOfArn(row.resource);
  if (!account) {
    return { status: 'NOT_APPLICABLE', evidence: {}, message: 'the principal id names no account' };
  }
  const identity = recordList(row, 'policies').map((p) =>
    parsePolicy(policyInput(p, row, 'policies'), row.resource),
  );
  const boundaryRaw = recordList(row, 'boundary')[0];
  const boundary = boundaryRaw
    ? parsePolicy(policyInput(boundaryRaw, row, 'boundary'), row.resource)
    : undefined;
  const byId = new Map([...identity, ...(boundary ? [boundary] : [])].map((p) => [p.id, p]));
  const decision = passAnyRoleDecision(row.resource, account, identity, boundary);
  if (decision.decision === 'denied') {
    return {
      status: 'PASS',
      evidence: {
        reason: decision.reason,
        deniedBy: decision.decidedBy.map((r) => describe(r, byId)),
      },
      message:
        decision.reason === 'explicit-deny'
          ? 'a Deny removes iam:PassRole on any role'
          : decision.reason === 'permissions-boundary'
            ? 'its permissions boundary does not allow iam:PassRole on any role'
            : 'iam:PassRole is allowed on named roles only, if at all',
    };
  }
  const conditional = decision.decision === 'conditional';
  // A conditional decision waits on Allows whose conditions are unknown, or on Denies that may apply.
  const refs = [...decision.decidedBy, ...decision.pending.map((p) => p.statement)];
  const allowedBy = refs
    .filter((r) => r.policyType === 'identity' && r.effect === 'Allow')
    .map((r) => describe(r, byId));
  const mayDeny = refs.filter((r) => r.effect === 'Deny').map((r) => describe(r, byId));
  const pendingKeys = [...new Set(decision.pending.flatMap((p) => p.conditions.map((c) => c.key)))];
  return {
    status: 'FAIL',
    evidence: {
      allowedBy,
      conditional,
      ...(pendingKeys.length > 0 ? { pendingKeys } : {}),
      ...(mayDeny.length > 0 ? { mayDeny } : {}),
    },
    message: conditional
      ? `may pass any role of its account, if its conditions on ${pendingKeys.join(', ')} hold`
      : 'may pass any role of its account (iam:PassRole on every role)',
  };
}

import type { PolicyStatement } from '../../analyze/aws/policy/index.js';
import type { RuleRow, Verdict } from '../evaluator.js';
import { confiningEntries, isGuardingDeny } from './condition-limit.js';
import { PRINCIPAL_LIMITS } from './key-limits.js';
import { ASSUME_ACTIONS, coversAction } from './statement-action.js';
import { readTrustPolicy } from './trust-policy.js';

/** An Allow that lets anyone in: `Principal: "*"`, `{"AWS": "*"}`, or a NotPrincipal. */
function letsAnyoneIn(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow') return false;
  // Allow with NotPrincipal admits everyone except the few it lists.
  return statement.principal?.wildcard === true || statement.notPrincipal !== undefined;
}

/**
 * aws-iam-trust-any-principal: FAIL when an Allow admits every principal to an assume action
 * without a condition naming who (organization, account, principal ARN, unique id) or from where
 * (VPC, endpoint, address range), and no Deny keeps everyone else out.
 */
export function evaluateTrustAnyPrincipal(row: RuleRow): Verdict {
  const trust = readTrustPolicy(row.evidence['trustPolicy'], row.resource);
  if (!trust) return { status: 'NOT_APPLICABLE', message: 'trust policy not collected' };
  const guards = trust.statements.filter(
    (s) =>
      s.effect === 'Deny' && s.principal?.wildcard === true && isGuardingDeny(s, PRINCIPAL_LIMITS),
  );
  const open = [];
  for (const statement of trust.statements) {
    if (!letsAnyoneIn(statement)) continue;
    const actions = ASSUME_ACTIONS.filter(
      (action) =>
        coversAction(statement, action) && !guards.some((guard) => coversAction(guard, action)),
    );
    if (actions.length === 0) continue;
    if (confiningEntries(statement, PRINCIPAL_LIMITS).length > 0) continue;
    open.push({
      statement: statement.index,
      actions,
      conditionKeys: [...new Set(statement.conditions.map((c) => c.key))],
      ...(statement.notPrincipal ? { notPrincipal: true } : {}),
    });
  }
  if (open.length === 0) {
    return {
      status: 'PASS',
      evidence: { open: [] },
      message: 'no statement admits every principal without a limiting condition',
    };
  }
  const first = open[0];
  return {
    status: 'FAIL',
    evidence: { open },
    message: `statement ${first?.statement ?? 0} lets any principal call ${first?.actions.join(', ') ?? ''} with no condition limiting who`,
  };
}

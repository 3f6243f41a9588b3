import type { RuleRow, Verdict } from '../evaluator.js';
import { actionsOfEdgeEvidence } from './escalation-step.js';
import { flag, optionalString, stringList } from './row-fields.js';

/**
 * aws-iam-principal-can-escalate: the query found the shortest escalation path (if any); this
 * names its first step's technique and actions, which the edge keeps in its compact evidence.
 */
export function evaluatePrincipalCanEscalate(row: RuleRow): Verdict {
  const target = optionalString(row, 'target');
  if (target === undefined) {
    return {
      status: 'PASS',
      evidence: {},
      message: 'no escalation path to an admin-equivalent principal',
    };
  }
  const technique = optionalString(row, 'technique') ?? 'unknown';
  const listed = stringList(row, 'actions');
  const actions =
    listed.length > 0
      ? listed
      : actionsOfEdgeEvidence(
          row.evidence['stepEvidence'],
          `rule row for ${row.resource}: evidence.stepEvidence`,
        );
  const via = stringList(row, 'via');
  const conditional = flag(row, 'conditional');
  return {
    status: 'FAIL',
    evidence: {
      technique,
      actions,
      target,
      via,
      techniques: stringList(row, 'techniques'),
      conditional,
    },
    message: `can become admin-equivalent in ${Math.max(via.length - 1, 1)} step(s), first by ${technique} (${actions.join(', ')})${conditional ? ', if its conditions hold' : ''}`,
  };
}

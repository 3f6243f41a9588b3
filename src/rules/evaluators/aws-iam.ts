import { parsePolicyDocument } from '../../analyze/aws/policy/index.js';
import { fullAdminStatements } from '../aws-iam/full-admin-statements.js';
import { countOf, stringsOf } from '../aws-iam/row-values.js';
import type { EvaluatorSet, RuleRow, Verdict } from '../evaluator.js';

/** aws-iam-no-full-admin-policies: a customer managed policy that allows "*" on "*". */
function fullAdminPolicy(row: RuleRow): Verdict {
  const where = `rule row ${row.resource}`;
  const attachedTo = stringsOf(row.evidence['attachedTo'], `${where}: evidence.attachedTo`);
  // Edges count what was loaded; the API's attachmentCount covers holders outside the data.
  const attached = Math.max(
    countOf(row.evidence['attachedCount'], `${where}: evidence.attachedCount`),
    countOf(row.evidence['attachmentCount'], `${where}: evidence.attachmentCount`),
  );
  const grants = fullAdminStatements(
    parsePolicyDocument(row.evidence['document'], `policy ${row.resource}`),
  );
  const evidence = { statements: grants, attachedTo, attachedCount: attached };
  if (grants.length === 0) {
    return { status: 'PASS', evidence, message: 'no statement allows Action "*" on Resource "*"' };
  }
  const which = grants.map((g) => g.sid ?? `Statement[${g.index}]`).join(', ');
  if (attached === 0) {
    return {
      status: 'NOT_APPLICABLE',
      evidence,
      message: `${which} allows "*" on "*", but the policy is attached to nothing`,
    };
  }
  const conditional = grants.every((g) => g.conditional) ? ' (under a condition)' : '';
  return {
    status: 'FAIL',
    evidence,
    message: `${which} allows "*" on "*"${conditional}; attached to ${attached} principal(s)`,
  };
}

/** Evaluators of the aws-iam rules, by the name a rule's `check.evaluator` gives. */
export const awsIamEvaluators: EvaluatorSet = {
  'full-admin-policy': fullAdminPolicy,
};

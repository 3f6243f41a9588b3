import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../../src/analyze/aws/policy/index.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { fullAdminStatements } from '../../../../src/rules/aws-iam/full-admin-statements.js';
import type { RuleRow } from '../../../../src/rules/evaluator.js';
import { awsIamEvaluators } from '../../../../src/rules/evaluators/aws-iam.js';

const POLICY = 'arn:aws:iam::111111111111:policy/p';
const evaluate = awsIamEvaluators['full-admin-policy'];

function row(evidence: Record<string, unknown>): RuleRow {
  return {
    resource: POLICY,
    account: '111111111111',
    region: 'global',
    evidence,
    message: null,
    params: {},
    now: '2026-06-01T00:00:00.000Z',
  };
}

const statements = (...list: object[]) =>
  fullAdminStatements(parsePolicyDocument({ Version: '2012-10-17', Statement: list }, 'test'));

describe('fullAdminStatements', () => {
  it('finds "*" and "*:*" among listed actions, with the statement index and sid', () => {
    expect(
      statements(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        {
          Sid: 'Wide',
          Effect: 'Allow',
          Action: ['ec2:*', '*:*'],
          Resource: ['arn:aws:s3:::b', '*'],
        },
      ),
    ).toEqual([{ index: 1, sid: 'Wide', conditional: false }]);
  });

  it('does not count NotAction, NotResource or a narrower resource as "*:*"', () => {
    expect(statements({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toEqual([]);
    expect(statements({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' })).toEqual([]);
    expect(statements({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::*' })).toEqual([]);
  });

  it('marks a conditional grant, and only an unconditional Deny of everything cancels', () => {
    const allow = { Effect: 'Allow', Action: '*', Resource: '*' };
    const condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    expect(statements({ ...allow, Condition: condition })).toEqual([
      { index: 0, conditional: true },
    ]);
    expect(statements(allow, { Effect: 'Deny', Action: '*', Resource: '*' })).toEqual([]);
    expect(
      statements(allow, { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition }),
    ).toHaveLength(1);
    expect(statements(allow, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })).toHaveLength(1);
  });
});

describe('the full-admin-policy evaluator', () => {
  const admin = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  });

  it('reads the document as the graph stores it (JSON text) and fails an attached grant', () => {
    const verdict = evaluate?.(row({ document: admin, attachedTo: ['r'], attachedCount: 1 }));
    expect(verdict).toMatchObject({
      status: 'FAIL',
      evidence: { statements: [{ index: 0, conditional: false }], attachedCount: 1 },
    });
    // The document itself is not repeated in the finding.
    expect(verdict?.evidence).not.toHaveProperty('document');
  });

  it("counts the API's attachmentCount when no attachment edge was loaded", () => {
    expect(evaluate?.(row({ document: admin, attachedCount: 0, attachmentCount: 3 })).status).toBe(
      'FAIL',
    );
    expect(evaluate?.(row({ document: admin, attachedCount: 0 })).status).toBe('NOT_APPLICABLE');
  });

  it('refuses an unreadable document or malformed evidence with a one-line error naming the policy', () => {
    expect(() => evaluate?.(row({ document: '{not json', attachedCount: 1 }))).toThrow(
      BadInputError,
    );
    expect(() => evaluate?.(row({ document: '{not json', attachedCount: 1 }))).toThrow(
      `policy ${POLICY}`,
    );
    expect(() => evaluate?.(row({ document: admin, attachedCount: -1 }))).toThrow(
      `rule row ${POLICY}: evidence.attachedCount: expected a non-negative integer`,
    );
    expect(() => evaluate?.(row({ document: admin, attachedTo: [1] }))).toThrow(
      'evidence.attachedTo: expected a list of strings',
    );
  });
});

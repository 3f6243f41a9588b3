import { describe, expect, it } from 'vitest';
import type { RuleRow } from '../../../../src/rules/evaluator.js';
import { awsIdentityPathsEvaluators as evaluators } from '../../../../src/rules/evaluators/aws-identity-paths.js';
import { actionsOfEdgeEvidence } from '../../../../src/rules/aws-identity-paths/escalation-step.js';

const ROLE = 'arn:aws:iam::111111111111:role/app';

function row(evidence: Record<string, unknown>, resource = ROLE): RuleRow {
  return {
    resource,
    account: '111111111111',
    region: 'global',
    evidence,
    message: null,
    params: {},
    now: '2026-06-01T00:00:00Z',
  };
}

function evaluate(name: string, evidence: Record<string, unknown>, resource?: string) {
  const evaluator = evaluators[name];
  if (!evaluator) throw new Error(`no evaluator ${name}`);
  return evaluator(row(evidence, resource));
}

describe('aws-identity-paths evaluators on bad input', () => {
  it.each(
    Object.keys(evaluators).filter(
      (name) =>
        name !== 'aws-iam-principal-can-escalate' && name !== 'aws-iam-passrole-any-resource',
    ),
  )('%s names the role when its trust policy is malformed', (name) => {
    expect(() => evaluate(name, { trustPolicy: '{"Statement": [{"Effect": "Maybe"}]' })).toThrow(
      /trust policy of arn:aws:iam::111111111111:role\/app/,
    );
    expect(() =>
      evaluate(name, {
        trustPolicy: {
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 42 } }],
        },
      }),
    ).toThrow(/trust policy of .*Statement\[0\]/);
  });

  it('a trust policy that was not collected is NOT_APPLICABLE, not a guess', () => {
    expect(evaluate('aws-iam-trust-any-principal', { trustPolicy: null }).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('a wrongly typed field is a one-line error naming it', () => {
    expect(() =>
      evaluate('aws-iam-trust-outside-org', {
        trustPolicy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}',
        orgAccounts: 'x',
      }),
    ).toThrow(/evidence\.orgAccounts must be a list of strings/);
    expect(() =>
      evaluate(
        'aws-iam-passrole-any-resource',
        { policies: [{ document: '{}' }] },
        'arn:aws:iam::111111111111:user/u',
      ),
    ).toThrow(/evidence\.policies has a policy without an id/);
  });

  it('escalation edge evidence must be a JSON list of actions', () => {
    expect(
      actionsOfEdgeEvidence(
        '[{"action":"iam:PassRole"},{"action":"iam:PassRole"},{"action":"ec2:RunInstances"}]',
        'w',
      ),
    ).toEqual(['iam:PassRole', 'ec2:RunInstances']);
    expect(() => actionsOfEdgeEvidence('not json', 'edge of u')).toThrow(
      'edge of u: edge evidence is not valid JSON',
    );
    expect(() => actionsOfEdgeEvidence('[{}]', 'w')).toThrow(/without an action/);
  });
});

describe('aws-iam-passrole-any-resource', () => {
  const user = 'arn:aws:iam::111111111111:user/u';
  const doc = (statement: object) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

  it('PassRole on a role path is not every role; on * it is, and the same text is compiled once per id', () => {
    const scoped = {
      id: 'p1',
      document: doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111111111111:role/app/*',
      }),
    };
    expect(evaluate('aws-iam-passrole-any-resource', { policies: [scoped] }, user).status).toBe(
      'PASS',
    );
    const wide = {
      id: 'p1',
      document: doc({ Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' }),
    };
    expect(evaluate('aws-iam-passrole-any-resource', { policies: [wide] }, user)).toMatchObject({
      status: 'FAIL',
      evidence: {
        conditional: false,
        allowedBy: [{ policy: 'p1', statement: 0, resource: ['*'] }],
      },
    });
  });

  it('a boundary that allows PassRole keeps the FAIL; one that does not gives PASS', () => {
    const wide = {
      id: 'p',
      document: doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
    };
    const open = { id: 'b', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) };
    const closed = { id: 'b2', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) };
    expect(
      evaluate('aws-iam-passrole-any-resource', { policies: [wide], boundary: [open] }, user)
        .status,
    ).toBe('FAIL');
    expect(
      evaluate('aws-iam-passrole-any-resource', { policies: [wide], boundary: [closed] }, user)
        .status,
    ).toBe('PASS');
  });
});

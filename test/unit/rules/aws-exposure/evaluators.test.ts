import { describe, expect, it } from 'vitest';
import type { RuleRow } from '../../../../src/rules/evaluator.js';
import { awsExposureEvaluators } from '../../../../src/rules/evaluators/aws-exposure.js';

const row = (evidence: Record<string, unknown>, params: Record<string, unknown> = {}): RuleRow => ({
  resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1',
  account: '111111111111',
  region: 'eu-west-1',
  evidence,
  message: null,
  params,
  now: '2026-06-01T00:00:00Z',
});

const evaluate = (name: string, r: RuleRow) => {
  const evaluator = awsExposureEvaluators[name];
  if (!evaluator) throw new Error(`no evaluator ${name}`);
  return evaluator(r);
};

const sshAndWeb = JSON.stringify([
  { protocol: 'tcp', fromPort: 22, toPort: 22, via: ['igw', 'sg-ssh'], rules: [] },
  { protocol: 'tcp', fromPort: 443, toPort: 443, via: ['igw', 'sg-web'], rules: [] },
]);

describe('exposure-admin-port-reachable', () => {
  it('fails on the admin port and keeps only the path that opens it as evidence', () => {
    const verdict = evaluate(
      'exposure-admin-port-reachable',
      row({ reached: true, exposure: sshAndWeb }, { ports: [22, 3389] }),
    );
    expect(verdict.status).toBe('FAIL');
    expect(verdict.evidence).toMatchObject({ ports: [22], via: ['igw', 'sg-ssh'] });
    expect(verdict.evidence).not.toHaveProperty('exposure');
  });

  it('refuses ports that are not integers', () => {
    expect(() =>
      evaluate('exposure-admin-port-reachable', row({ reached: false }, { ports: ['22'] })),
    ).toThrow(/params.ports must be a list of port numbers/);
  });
});

describe('exposure-imdsv1-reachable', () => {
  it('names the exposed role in the message of a failure', () => {
    const verdict = evaluate(
      'exposure-imdsv1-reachable',
      row({
        reached: true,
        ports: ['tcp:22', 'tcp:443'],
        exposure: sshAndWeb,
        imdsHttpTokens: 'optional',
        role: 'arn:aws:iam::111111111111:role/app',
      }),
    );
    expect(verdict.status).toBe('FAIL');
    expect(verdict.message).toContain('role/app');
    expect(verdict.evidence).toMatchObject({
      ports: ['tcp:22', 'tcp:443'],
      via: ['igw', 'sg-ssh', 'sg-web'],
    });
  });
});

describe('exposure-public-access', () => {
  const grant = (levels: string[], conditionalLevels: string[] = []) => ({
    audience: 'any-aws-account',
    levels,
    conditionalLevels,
    actions: ['secretsmanager:GetSecretValue'],
    evidence: JSON.stringify([{ action: 'x', by: [['resource', 'p', 0, 'Allow', 'Share']] }]),
  });

  it('fails only for the levels the rule names', () => {
    const params = { levels: ['write', 'permissions'] };
    expect(
      evaluate('exposure-public-access', row({ grants: [grant(['read'])] }, params)).status,
    ).toBe('PASS');
    const write = evaluate(
      'exposure-public-access',
      row({ grants: [grant(['read', 'write'])] }, params),
    );
    expect(write.status).toBe('FAIL');
    expect(write.message).toBe('any AWS account can write it through policy p#0 (Share)');
  });

  it('passes access held back by a condition, saying so, and is not applicable to an unreadable policy', () => {
    const params = { levels: ['read'] };
    const held = evaluate(
      'exposure-public-access',
      row({ grants: [grant(['read'], ['read'])] }, params),
    );
    expect(held.status).toBe('PASS');
    expect(held.message).toContain('only under conditions');
    const unreadable = evaluate(
      'exposure-public-access',
      row({ grants: [], policyUnreadable: true }, params),
    );
    expect(unreadable.status).toBe('NOT_APPLICABLE');
  });

  it('refuses a rule without levels', () => {
    expect(() => evaluate('exposure-public-access', row({ grants: [] }))).toThrow(/params.levels/);
  });
});

describe('exposure-public-access wording', () => {
  it('says "change the permissions of" for the permissions level', () => {
    const verdict = evaluate(
      'exposure-public-access',
      row(
        {
          grants: [
            {
              audience: 'anyone',
              levels: ['permissions'],
              actions: ['s3:PutBucketAcl'],
              evidence: JSON.stringify([
                { action: 's3:PutBucketAcl', acl: { group: 'AllUsers', permission: 'WRITE_ACP' } },
              ]),
            },
          ],
        },
        { levels: ['write', 'permissions'] },
      ),
    );
    expect(verdict.message).toBe(
      'anyone can change the permissions of it through ACL grant AllUsers:WRITE_ACP',
    );
  });
});

describe('exposure-reachable-privileged-role', () => {
  const reached = { reached: true, ports: ['tcp:443'], exposure: sshAndWeb };

  it('fails on an escalation chain and says which steps are conditional', () => {
    const verdict = evaluate(
      'exposure-reachable-privileged-role',
      row({
        ...reached,
        role: 'role/app',
        adminStatus: 'not-admin',
        escalation: [
          {
            type: 'CAN_ESCALATE',
            technique: 'aws.iam.PutRolePolicy',
            to: 'role/app',
            conditional: true,
          },
        ],
      }),
    );
    expect(verdict.status).toBe('FAIL');
    expect(verdict.message).toContain('aws.iam.PutRolePolicy -> role/app (if its conditions hold)');
  });

  it('is not applicable when the role was never analyzed and nothing shows a path', () => {
    const verdict = evaluate(
      'exposure-reachable-privileged-role',
      row({ ...reached, role: 'role/elsewhere', adminStatus: null, escalation: [] }),
    );
    expect(verdict.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ActionCatalog,
  ActionDecisions,
  compilePolicy,
  evaluateActions,
} from '../../../src/analyze/aws/policy/index.js';

const catalog = ActionCatalog.fromActionNames([
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  'iam:CreateUser',
  'iam:PassRole',
  'ec2:RunInstances',
]);
const compile = (document: object, id: string) => compilePolicy(document, id, catalog);
const principal = { arn: 'arn:aws:iam::111111111111:user/alice' };

describe('batch evaluation', () => {
  const identity = [
    compile(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      'admin',
    ),
    compile(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'iam:*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
          },
        ],
      },
      'guard',
    ),
  ];
  const scps = [
    [compile({ Statement: { Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: '*' } }, 'scp')],
  ];

  it('answers every catalog action at once as set operations', () => {
    const decisions = new ActionDecisions(
      catalog,
      { identity, scps },
      { principal, resource: '*' },
    );
    expect(decisions.allowedActions().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(decisions.conditionalActions().sort()).toEqual(['iam:CreateUser', 'iam:PassRole']);
    expect(decisions.decisionOf('ec2:RunInstances')).toBe('denied');
    expect(decisions.decisionOf('s3:DeleteObject')).toBe('denied');
  });

  it('falls back to exact evaluation for actions missing from the catalog', () => {
    const result = evaluateActions(catalog, { identity, scps }, { principal, resource: '*' }, [
      's3:BrandNewAction',
      's3:DeleteSomethingNew',
      'newsvc:Thing',
    ]);
    expect(Object.fromEntries(result)).toEqual({
      's3:BrandNewAction': 'allowed',
      's3:DeleteSomethingNew': 'denied',
      'newsvc:Thing': 'denied',
    });
  });

  it('explains any action with the statements behind it', () => {
    const decisions = new ActionDecisions(
      catalog,
      { identity, scps },
      { principal, resource: '*' },
    );
    const explained = decisions.explain('iam:CreateUser');
    expect(explained.decision).toBe('conditional');
    expect(explained.pending[0]?.statement).toMatchObject({ policyId: 'guard', statementIndex: 1 });
  });

  it('applies the trust-policy rule only to sts actions on a role', () => {
    const role = 'arn:aws:iam::111111111111:role/target';
    const withSts = ActionCatalog.fromActionNames(['sts:AssumeRole', 'iam:PassRole']);
    const policies = {
      identity: [
        compilePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }, 'a', withSts),
      ],
      resource: [
        compilePolicy(
          {
            Statement: {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          },
          'trust',
          withSts,
        ),
      ],
    };
    const decisions = new ActionDecisions(withSts, policies, { principal, resource: role });
    expect(decisions.decisionOf('sts:AssumeRole')).toBe('denied');
    expect(decisions.decisionOf('iam:PassRole')).toBe('allowed');
  });
});

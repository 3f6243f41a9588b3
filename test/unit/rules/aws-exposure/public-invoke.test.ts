import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { publicInvoke } from '../../../../src/rules/aws-exposure/public-invoke.js';

const policy = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const allowAnyone = (extra: Record<string, unknown> = {}) => ({
  Sid: 'Anyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: '*',
  ...extra,
});

describe('publicInvoke', () => {
  it('opens invoke for Principal "*" without a condition, naming the statement', () => {
    expect(publicInvoke(policy(allowAnyone()), 'f').open).toEqual([
      { action: 'lambda:InvokeFunction', statements: ['Anyone'] },
    ]);
  });

  it('treats {"AWS": "*"}, AWS lists with "*", wildcard actions and NotPrincipal as everyone', () => {
    expect(publicInvoke(policy(allowAnyone({ Principal: { AWS: ['*'] } })), 'f').open).toHaveLength(
      1,
    );
    const wild = publicInvoke(policy(allowAnyone({ Action: 'Lambda:Invoke*' })), 'f');
    expect(wild.open.map((o) => o.action)).toEqual([
      'lambda:InvokeFunction',
      'lambda:InvokeFunctionUrl',
    ]);
    const notPrincipal = allowAnyone({ NotPrincipal: { AWS: 'arn:aws:iam::222222222222:root' } });
    delete (notPrincipal as Record<string, unknown>)['Principal'];
    expect(publicInvoke(policy(notPrincipal), 'f').open).toHaveLength(1);
  });

  it('does not open for a service principal, a named account, or a NotAction that excludes invoke', () => {
    const none = publicInvoke(
      policy(
        allowAnyone({ Principal: { Service: 's3.amazonaws.com' } }),
        allowAnyone({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } }),
        allowAnyone({ Action: undefined, NotAction: 'lambda:Invoke*' }),
      ),
      'f',
    );
    expect(none.open).toEqual([]);
  });

  it('counts a narrowing condition as limiting, but not the URL auth type or a "*" value', () => {
    const narrowed = allowAnyone({ Condition: { StringEquals: { 'aws:SourceAccount': '1' } } });
    expect(publicInvoke(policy(narrowed), 'f').open).toEqual([]);
    const urlOnly = allowAnyone({
      Action: 'lambda:InvokeFunctionUrl',
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    });
    expect(publicInvoke(policy(urlOnly), 'f').open).toHaveLength(1);
    const star = allowAnyone({ Condition: { StringLike: { 'aws:SourceArn': '*' } } });
    expect(publicInvoke(policy(star), 'f').open).toHaveLength(1);
    const numeric = allowAnyone({
      Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 5 } },
    });
    expect(publicInvoke(policy(numeric), 'f').open).toEqual([]);
  });

  it('lets an unconditional Deny for everyone take the Allow back, but not a conditional one', () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 'lambda:*', Resource: '*' };
    expect(publicInvoke(policy(allowAnyone(), deny), 'f')).toEqual({
      open: [],
      denied: ['lambda:InvokeFunction'],
    });
    const conditional = { ...deny, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(publicInvoke(policy(allowAnyone(), conditional), 'f').open).toHaveLength(1);
  });

  it('accepts a single statement object and skips statements that are not objects', () => {
    expect(publicInvoke({ Statement: allowAnyone() }, 'f').open).toHaveLength(1);
    expect(publicInvoke({ Statement: [42, null, 'x'] }, 'f').open).toEqual([]);
  });

  it('refuses a policy that is not an object with a one-line BadInputError naming it', () => {
    expect(() => publicInvoke(['x'], 'fn-arn: policy')).toThrow(BadInputError);
    expect(() => publicInvoke(null, 'fn-arn: policy')).toThrow(/fn-arn: policy/);
  });
});

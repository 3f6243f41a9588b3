import { describe, expect, it } from 'vitest';
import {
  accountOf,
  accountsOf,
  assetsOf,
  riskPathOf,
} from '../../../../src/export/risk/risk-path.js';
import { A, ALICE, B_ROLE, BUCKET, INSTANCE, LATEST } from './risk-fixtures.js';

describe('accountOf', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/x', '123456789012'],
    ['arn:aws:ec2:eu-west-1:123456789012:instance/i-1', '123456789012'],
    ['arn:aws-us-gov:iam::123456789012:user/u', '123456789012'],
    ['arn:aws-cn:lambda:cn-north-1:123456789012:function:f', '123456789012'],
    ['123456789012', '123456789012'],
    ['arn:aws:s3:::bucket', null],
    ['arn:aws:iam::12345:role/short', null],
    ['internet', null],
    ['arn:aws:iam::123456789012', null],
  ])('%s → %s', (id, account) => {
    expect(accountOf(id)).toBe(account);
  });
});

describe('assets and accounts of a path', () => {
  it('lists the entry, every hop end and the jewel once each, in order', () => {
    const path = riskPathOf(LATEST[0]!.path);
    expect(assetsOf(path)).toEqual(['internet', INSTANCE, `arn:aws:iam::${A}:role/web`, BUCKET]);
    expect(accountsOf(assetsOf(path))).toEqual([A]);
    const cross = riskPathOf(LATEST[1]!.path);
    expect(accountsOf(assetsOf(cross))).toEqual([A, B_ROLE.split(':')[4]]);
    expect(assetsOf(cross)[0]).toBe(ALICE);
  });
});

describe('accounts stored by the analysis', () => {
  it('are added to those the ids name (a bucket ARN names none)', () => {
    const stored = { ...(LATEST[0]!.path as Record<string, unknown>), accounts: ['999999999999'] };
    const path = riskPathOf(stored);
    expect(accountsOf(assetsOf(path), path.storedAccounts)).toEqual([A, '999999999999']);
  });

  it('must be 12-digit account ids', () => {
    const stored = { ...(LATEST[0]!.path as Record<string, unknown>), accounts: ['x'] };
    expect(() => riskPathOf(stored)).toThrow(/field "accounts.0"/);
  });
});

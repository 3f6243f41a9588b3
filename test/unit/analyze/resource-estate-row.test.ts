import { describe, expect, it } from 'vitest';
import { resourceOf } from '../../../src/analyze/aws/estate/read-resource-estate.js';
import { BadInputError } from '../../../src/errors/cairn-error.js';

const row = {
  id: 'arn:aws:lambda:us-east-1:111111111111:function:app',
  kind: 'lambda-function',
  region: 'us-east-1',
  role: 'arn:aws:iam::111111111111:role/app',
  state: null,
  packageType: 'Zip',
  platform: null,
  ssmManaged: null,
};

describe('resource rows read for escalation analysis', () => {
  it('keeps collected facts and leaves facts that were not collected absent', () => {
    expect(resourceOf(row, '111111111111')).toEqual({
      id: row.id,
      kind: 'lambda-function',
      account: '111111111111',
      region: 'us-east-1',
      role: row.role,
      packageType: 'Zip',
    });
  });

  it.each([
    ['an id that is not an ARN', { ...row, id: 'app' }, /resource app of account 111111111111: id/],
    ['an unknown kind', { ...row, kind: 'bucket' }, /kind/],
    ['a role that is not a role ARN', { ...row, role: 'arn:aws:iam::1:user/x' }, /role/],
    ['a huge state', { ...row, state: 'x'.repeat(10_000) }, /state/],
    ['a non-object row', 'nonsense', /resource \? of account/],
  ])('refuses %s with a one-line BadInputError naming it', (_what, bad, message) => {
    const error = (() => {
      try {
        resourceOf(bad, '111111111111');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

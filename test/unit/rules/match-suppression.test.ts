import { describe, expect, it } from 'vitest';
import {
  applicableSuppression,
  compileSuppression,
} from '../../../src/rules/suppressions/match-suppression.js';
import {
  suppressionCriteriaSchema,
  type Suppression,
} from '../../../src/rules/suppressions/suppression.js';

const make = (id: string, criteria: Record<string, unknown>): Suppression => ({
  ...suppressionCriteriaSchema.parse({ reason: 'r', by: 'me', ...criteria }),
  id,
  source: 'api',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const target = {
  ruleId: 'aws-sg-admin-ports-ipv4',
  resource: 'arn:aws:ec2:eu-west-1:111111111111:security-group/sg-bastion1',
  account: '111111111111',
  region: 'eu-west-1',
  tags: { owner: 'platform', env: 'prod' },
};
const NOW = '2026-06-01T00:00:00.000Z';

describe('suppression matching', () => {
  it.each([
    [{ rules: ['aws-sg-*'] }, true],
    [{ rules: ['aws-s3-*'] }, false],
    [{ rules: ['aws-sg-admin-ports-ipv?'] }, true],
    [{ resources: ['arn:aws:ec2:*:*:security-group/sg-bastion*'] }, true],
    [{ rules: ['aws-sg-*'], accounts: ['222222222222'] }, false],
    [{ rules: ['aws-sg-*'], regions: ['eu-west-1', 'us-east-1'] }, true],
    [{ rules: ['aws-sg-*'], tags: { owner: 'platform' } }, true],
    [{ rules: ['aws-sg-*'], tags: { owner: 'data' } }, false],
    [{ rules: ['aws-sg-*'], tags: { env: '*' } }, true],
    [{ rules: ['aws-sg-*'], tags: { team: '*' } }, false],
    // Regex characters in a pattern are literal.
    [{ resources: ['arn:aws:ec2:.*'] }, false],
  ])('%j matches: %s', (criteria, expected) => {
    const compiled = compileSuppression(make('s', criteria));
    expect(compiled.matches(target)).toBe(expected);
  });

  it('prefers the suppression that lasts longest and ignores expired ones', () => {
    const short = make('short', { rules: ['*'], expires: '2026-07-01' });
    const long = make('long', { rules: ['*'], expires: '2027-01-01' });
    const forever = make('forever', { rules: ['aws-*'] });
    const expired = make('expired', { rules: ['*'], expires: '2026-05-01' });
    const all = [short, long, expired].map(compileSuppression);
    expect(applicableSuppression(all, target, NOW)?.id).toBe('long');
    expect(applicableSuppression([...all, compileSuppression(forever)], target, NOW)?.id).toBe(
      'forever',
    );
    expect(applicableSuppression([compileSuppression(expired)], target, NOW)).toBeUndefined();
  });

  it('refuses a suppression that names neither rules nor resources, or has no reason', () => {
    expect(suppressionCriteriaSchema.safeParse({ reason: 'r', by: 'me' }).success).toBe(false);
    expect(
      suppressionCriteriaSchema.safeParse({ rules: ['x'], reason: '', by: 'me' }).success,
    ).toBe(false);
    expect(
      suppressionCriteriaSchema.safeParse({ rules: ['x'], reason: 'r', by: 'me', accounts: ['12'] })
        .success,
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { parseExpiresIn } from '../../../../src/serve/auth/key-expiry.js';

describe('parseExpiresIn', () => {
  it.each([
    ['90d', 90 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['1h', 3_600_000],
    ['3650d', 3_650 * 86_400_000],
    [' 30d ', 30 * 86_400_000],
  ])('reads %j', (value, ms) => {
    expect(parseExpiresIn(value, '--expires-in')).toBe(ms);
  });

  it.each(['', '90', 'd', '0d', '-1d', '1.5d', '5w', '90 d', '3651d', '87601h', '1e3d', '090d'])(
    'refuses %j naming the option',
    (value) => {
      expect(() => parseExpiresIn(value, '--expires-in')).toThrow(BadInputError);
      expect(() => parseExpiresIn(value, '--expires-in')).toThrow(
        /^--expires-in: expected a lifetime such as 90d or 12h \(at most 3650d\), got ".*"$/,
      );
    },
  );

  it('shows a hostile value printable and clipped', () => {
    const hostile = `9d\u001b[2J\n${'x'.repeat(200)}`;
    expect(() => parseExpiresIn(hostile, '--expires-in')).toThrow(/got "9d\?\[2J\?x{13}\.\.\."$/);
  });
});

import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { checkKeyName } from '../../../../src/serve/auth/key-name.js';
import { isLoopbackHost } from '../../../../src/serve/auth/loopback.js';

describe('checkKeyName', () => {
  it('accepts one short line of visible text', () => {
    expect(checkKeyName('ci pipeline (prod) ✓')).toBe('ci pipeline (prod) ✓');
    expect(checkKeyName('x'.repeat(64))).toHaveLength(64);
  });

  it('refuses empty, overlong and control-character names with one BadInputError line', () => {
    for (const [name, message] of [
      ['', '--name: must not be empty'],
      ['   ', '--name: must not be empty'],
      ['x'.repeat(65), '--name: longer than 64 characters'],
      ['a\nb', '--name: must not contain control characters'],
      ['a\u001b[31mb', '--name: must not contain control characters'],
      ['a\u202eb', '--name: must not contain control characters'],
    ] as const) {
      expect(() => checkKeyName(name)).toThrow(new BadInputError(message));
    }
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback addresses from the rest', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

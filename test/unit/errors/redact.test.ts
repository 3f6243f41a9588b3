import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/errors/redact.js';
import { asCairnError, BadInputError } from '../../../src/errors/cairn-error.js';
import { exitCodeFor } from '../../../src/errors/error-code.js';

describe('redact', () => {
  it('removes credentials from URIs, keys, tokens and password pairs', () => {
    const text =
      'bolt://neo4j:s3cret@localhost:7687 AKIAABCDEFGHIJKLMNOP aws_secret_access_key=abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD ' +
      'Authorization: Bearer eyJhbGciOi.abc.def password="hunter2"';
    const out = redact(text);
    for (const secret of ['s3cret', 'ABCDEFGHIJKLMNOP', 'abcdEFGHijkl', 'eyJhbGciOi', 'hunter2']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('bolt://neo4j:***@localhost:7687');
  });
});

describe('errors', () => {
  it('maps user errors to exit 2 and failures to exit 1', () => {
    expect(exitCodeFor(new BadInputError('x').code)).toBe(2);
    expect(exitCodeFor(asCairnError(new Error('boom\nstack')).code)).toBe(1);
    expect(asCairnError(new Error('boom\nmore')).message).toBe('boom');
  });
});

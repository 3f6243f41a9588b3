import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

// Wrapped so the test can see that verification goes through the constant-time comparison.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { timingSafeEqual } = await import('node:crypto');
const { apiKeyIdOf, apiKeyMatches, generateApiKey, hashApiKey, isApiKeyFormat, isApiKeyId } =
  await import('../../../../src/serve/auth/api-key.js');

describe('API key format', () => {
  it('is cairn_ and 32 random bytes in base64url, with the next 8 characters as public id', () => {
    const first = generateApiKey();
    const second = generateApiKey();
    expect(first.key).toMatch(/^cairn_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.key.slice(6), 'base64url')).toHaveLength(32);
    expect(first.id).toBe(first.key.slice(6, 14));
    expect(apiKeyIdOf(first.key)).toBe(first.id);
    expect(isApiKeyId(first.id)).toBe(true);
    expect(second.key).not.toBe(first.key);
    expect(isApiKeyFormat(first.key)).toBe(true);
  });

  it('rejects strings that are not keys', () => {
    for (const bad of [
      '',
      'cairn_',
      `cairn_${'a'.repeat(42)}`,
      `cairn_${'a'.repeat(44)}`,
      `CAIRN_${'a'.repeat(43)}`,
      `cairn_${'a'.repeat(42)}=`,
      `cairn_${'a'.repeat(42)}\n`,
    ]) {
      expect(isApiKeyFormat(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const bad of ['', 'abcdefg', 'abcdefghi', 'abc/efgh']) expect(isApiKeyId(bad)).toBe(false);
  });

  it('stores the SHA-256 hex of the key, never the key', () => {
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const { key, hash } = generateApiKey();
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(6));
  });
});

describe('API key verification', () => {
  it('accepts the key its hash came from, in constant time, and nothing else', () => {
    const { key, hash } = generateApiKey();
    vi.mocked(timingSafeEqual).mockClear();
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    expect(apiKeyMatches(generateApiKey().key, hash)).toBe(false);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false);
  });

  it('refuses a stored hash that is malformed instead of throwing', () => {
    const { key, hash } = generateApiKey();
    expect(apiKeyMatches(key, hash.slice(2))).toBe(false);
    expect(apiKeyMatches(key, hash.toUpperCase())).toBe(false);
    expect(apiKeyMatches(key, '')).toBe(false);
  });
});

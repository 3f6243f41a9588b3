import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every key starts with this, so leaked keys are recognisable (and scanners can find them). */
export const API_KEY_PREFIX = 'cairn_';
/** The public id is this many characters of the key, right after the prefix. */
export const API_KEY_ID_LENGTH = 8;

const KEY_BYTES = 32;
// 32 bytes in base64url without padding are 43 characters.
const API_KEY_PATTERN = /^cairn_[A-Za-z0-9_-]{43}$/;
const API_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{8}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export interface NewApiKey {
  /** The secret: shown once to whoever creates it, never stored. */
  readonly key: string;
  readonly id: string;
  readonly hash: string;
}

export function generateApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, id: apiKeyIdOf(key), hash: hashApiKey(key) };
}

export function isApiKeyFormat(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

export function isApiKeyId(value: string): boolean {
  return API_KEY_ID_PATTERN.test(value);
}

export function apiKeyIdOf(key: string): string {
  return key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + API_KEY_ID_LENGTH);
}

/**
 * SHA-256 hex. The keys are 256 random bits, so nobody can guess them from the hash however fast
 * it is: a slow password KDF would add latency to every request and no safety.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether `key` hashes to `storedHash`, compared in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  if (!HASH_PATTERN.test(storedHash)) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashApiKey(key), 'hex');
  return timingSafeEqual(actual, expected);
}

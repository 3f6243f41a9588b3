import type { Database } from '../../db/connection.js';
import { readNamed, writeNamed } from '../../db/transactions.js';
import { CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { generateApiKey } from './api-key.js';
import { isRole, type Role } from './roles.js';

/** What `cairn apikey list` shows: everything but the hash. */
export interface ApiKeyListing {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly createdAt: string;
  /** When the key stops working; null for a key that does not expire. */
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** What the server checks a presented key against. */
export interface ActiveApiKey {
  readonly id: string;
  readonly role: Role;
  readonly hash: string;
  /** Epoch ms from which the key is refused; absent for a key that does not expire. */
  readonly expiresAt?: number;
}

export type RevokeOutcome = 'revoked' | 'already-revoked' | 'unknown';

const CREATE_ATTEMPTS = 3;

/** Stores a new key's hash and returns the key itself, which exists nowhere else afterwards. */
export async function createApiKey(
  db: Database,
  spec: { name: string; role: Role; expiresAt?: Date },
  now: Date = new Date(),
): Promise<{ key: string; id: string }> {
  // Ids are 48 random bits; a collision is very unlikely but must not fail or overwrite.
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    const { key, id, hash } = generateApiKey();
    const rows = await writeNamed(db, 'serve/api-key-create', {
      id,
      name: spec.name,
      role: spec.role,
      hash,
      createdAt: now.toISOString(),
      expiresAt: spec.expiresAt?.toISOString() ?? null,
    });
    if (rows.length > 0) return { key, id };
  }
  throw new CairnError(ErrorCode.INTERNAL, 'could not draw an unused API key id');
}

export async function listApiKeys(db: Database): Promise<ApiKeyListing[]> {
  const rows = await readNamed(db, 'serve/api-key-list');
  return rows.map((row) => ({
    id: text(row['id']),
    name: text(row['name']),
    role: text(row['role']),
    createdAt: text(row['createdAt']),
    expiresAt: optionalText(row['expiresAt']),
    lastUsedAt: optionalText(row['lastUsedAt']),
    revokedAt: optionalText(row['revokedAt']),
  }));
}

/**
 * Unrevoked keys, expired ones included: they keep the server closed, and are refused when
 * presented. A stored key with a role this version does not know, or an unreadable expiry,
 * grants nothing.
 */
export async function activeApiKeys(db: Database): Promise<ActiveApiKey[]> {
  const rows = await readNamed(db, 'serve/api-key-active');
  const keys: ActiveApiKey[] = [];
  for (const row of rows) {
    const { id, role, hash, expiresAt } = row;
    if (typeof id !== 'string' || typeof hash !== 'string' || typeof role !== 'string') continue;
    if (!isRole(role)) continue;
    if (expiresAt === null || expiresAt === undefined) {
      keys.push({ id, role, hash });
      continue;
    }
    // Unparseable: treat as expired long ago rather than as never expiring.
    const at = typeof expiresAt === 'string' ? Date.parse(expiresAt) : NaN;
    keys.push({ id, role, hash, expiresAt: Number.isNaN(at) ? 0 : at });
  }
  return keys;
}

export async function revokeApiKey(
  db: Database,
  id: string,
  now: Date = new Date(),
): Promise<RevokeOutcome> {
  const [row] = await writeNamed(db, 'serve/api-key-revoke', {
    id,
    revokedAt: now.toISOString(),
  });
  if (!row) return 'unknown';
  return row['alreadyRevoked'] === true ? 'already-revoked' : 'revoked';
}

export async function touchApiKey(db: Database, id: string, now: Date): Promise<void> {
  await writeNamed(db, 'serve/api-key-touch', { id, lastUsedAt: now.toISOString() });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

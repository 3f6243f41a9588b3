import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { generateApiKey } from '../../../../src/serve/auth/api-key.js';
import type { ActiveApiKey } from '../../../../src/serve/auth/api-key-store.js';
import { createAuthorizer, type KeySource } from '../../../../src/serve/auth/authorizer.js';
import type { Role } from '../../../../src/serve/auth/roles.js';

const silent = pino({ level: 'silent' });

/** Keys in memory, counting reads and recording lastUsedAt writes. */
function memorySource(initial: ActiveApiKey[] = []) {
  const state = { keys: [...initial], loads: 0, touches: [] as [string, string][] };
  const source: KeySource = {
    load: () => {
      state.loads++;
      return Promise.resolve([...state.keys]);
    },
    touch: (id, at) => {
      state.touches.push([id, at.toISOString()]);
      return Promise.resolve();
    },
  };
  return { state, source };
}

function newKey(role: Role) {
  const { key, id, hash } = generateApiKey();
  return { key, stored: { id, role, hash } };
}

const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
const noHeader = { headers: {} };

describe('authorizer', () => {
  it('is open (as admin) with no key on loopback, and closed elsewhere', async () => {
    const open = createAuthorizer(memorySource().source, { allowOpen: true, log: silent });
    expect(await open.authorize(noHeader)).toEqual({ role: 'admin', keyId: undefined });
    const closed = createAuthorizer(memorySource().source, { allowOpen: false, log: silent });
    const refusal = await closed.authorize(noHeader);
    expect(refusal).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(refusal)).toContain('cairn apikey create');
  });

  it('once a key exists, wants it: missing, malformed, unknown or wrong keys get 401', async () => {
    const viewer = newKey('viewer');
    const { source } = memorySource([viewer.stored]);
    const auth = createAuthorizer(source, { allowOpen: true, log: silent });
    const other = generateApiKey().key;
    // Same public id, different secret: the hash comparison must refuse it.
    const forged = `${viewer.key.slice(0, 14)}${other.slice(14)}`;
    for (const req of [
      noHeader,
      { headers: { authorization: viewer.key } },
      { headers: { authorization: `Basic ${viewer.key}` } },
      bearer('cairn_short'),
      bearer(other),
      bearer(forged),
    ]) {
      expect(await auth.authorize(req), JSON.stringify(req)).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    expect(await auth.authorize(bearer(viewer.key))).toEqual({
      role: 'viewer',
      keyId: viewer.stored.id,
    });
    expect(await auth.authorize({ headers: { authorization: `bearer  ${viewer.key} ` } })).toEqual({
      role: 'viewer',
      keyId: viewer.stored.id,
    });
  });

  it('never repeats the presented key in a refusal', async () => {
    const { source } = memorySource([newKey('admin').stored]);
    const auth = createAuthorizer(source, { allowOpen: true, log: silent });
    const wrong = generateApiKey().key;
    expect(JSON.stringify(await auth.authorize(bearer(wrong)))).not.toContain(wrong.slice(6));
  });

  it('reads the keys at most once per TTL, so a revocation shows within it', async () => {
    const analyst = newKey('analyst');
    const { state, source } = memorySource([analyst.stored, newKey('viewer').stored]);
    let clock = 1_000_000;
    const auth = createAuthorizer(source, { allowOpen: true, now: () => clock, log: silent });
    await Promise.all([auth.authorize(bearer(analyst.key)), auth.authorize(bearer(analyst.key))]);
    expect(state.loads).toBe(1);
    state.keys = state.keys.filter((k) => k.id !== analyst.stored.id);
    clock += 4_999;
    expect(await auth.authorize(bearer(analyst.key))).toMatchObject({ role: 'analyst' });
    clock += 1;
    expect(await auth.authorize(bearer(analyst.key))).toMatchObject({ status: 401 });
    expect(state.loads).toBe(2);
  });

  it('with a TTL of 0 sees every change at once', async () => {
    const admin = newKey('admin');
    const { state, source } = memorySource([admin.stored]);
    const auth = createAuthorizer(source, { allowOpen: true, cacheTtlMs: 0, log: silent });
    expect(await auth.authorize(bearer(admin.key))).toMatchObject({ role: 'admin' });
    state.keys = [];
    expect(await auth.authorize(bearer(admin.key))).toEqual({ role: 'admin', keyId: undefined });
  });

  it('records lastUsedAt at most once a minute per key', async () => {
    const a = newKey('viewer');
    const b = newKey('viewer');
    const { state, source } = memorySource([a.stored, b.stored]);
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const auth = createAuthorizer(source, { allowOpen: true, now: () => clock, log: silent });
    await auth.authorize(bearer(a.key));
    clock += 30_000;
    await auth.authorize(bearer(a.key));
    await auth.authorize(bearer(b.key));
    clock += 30_000;
    await auth.authorize(bearer(a.key));
    expect(state.touches).toEqual([
      [a.stored.id, '2025-01-01T00:00:00.000Z'],
      [b.stored.id, '2025-01-01T00:00:30.000Z'],
      [a.stored.id, '2025-01-01T00:01:00.000Z'],
    ]);
  });

  it('refuses a key from the moment it expires, saying so only to the key holder', async () => {
    const expiring = newKey('analyst');
    const forever = newKey('viewer');
    const expiresAt = Date.parse('2026-03-01T00:00:00Z');
    const { state, source } = memorySource([{ ...expiring.stored, expiresAt }, forever.stored]);
    let clock = expiresAt - 1;
    const auth = createAuthorizer(source, { allowOpen: true, now: () => clock, log: silent });
    expect(await auth.authorize(bearer(expiring.key))).toMatchObject({ role: 'analyst' });
    clock = expiresAt;
    const refusal = await auth.authorize(bearer(expiring.key));
    expect(refusal).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(refusal)).toContain('expired at 2026-03-01T00:00:00.000Z');
    // Someone guessing at the id learns nothing about expiry.
    const forged = `${expiring.key.slice(0, 14)}${generateApiKey().key.slice(14)}`;
    expect(JSON.stringify(await auth.authorize(bearer(forged)))).not.toContain('expired');
    expect(await auth.authorize(bearer(forever.key))).toMatchObject({ role: 'viewer' });
    // Expired keys still exist: a server whose only key expired stays closed, never open.
    state.keys = [{ ...expiring.stored, expiresAt }];
    clock += 10_000;
    expect(await auth.authorize(noHeader)).toMatchObject({ status: 401 });
    expect(await auth.hasKeys()).toBe(true);
    // An expiry that could not be read was stored as 0: refused, not taken as "never".
    state.keys = [{ ...expiring.stored, expiresAt: 0 }];
    clock += 10_000;
    expect(JSON.stringify(await auth.authorize(bearer(expiring.key)))).toMatch(
      /the API key expired; /,
    );
  });

  it('still answers when recording lastUsedAt fails', async () => {
    const a = newKey('analyst');
    const source: KeySource = {
      load: () => Promise.resolve([a.stored]),
      touch: () => Promise.reject(new Error('database down')),
    };
    const auth = createAuthorizer(source, { allowOpen: false, log: silent });
    expect(await auth.authorize(bearer(a.key))).toMatchObject({ role: 'analyst' });
  });
});

import type { IncomingHttpHeaders } from 'node:http';
import { rootLogger, type Logger } from '../../logging/logger.js';
import { apiKeyIdOf, apiKeyMatches, isApiKeyFormat } from './api-key.js';
import type { ActiveApiKey } from './api-key-store.js';
import { unauthenticated, type Refusal } from './refusal.js';
import type { Role } from './roles.js';

/** Who a request acts as: the key's role, or admin when no key exists and the server is open. */
export interface Access {
  readonly role: Role;
  /** The public id of the key used; undefined when the server is open. */
  readonly keyId: string | undefined;
}

/** Where the keys come from (Neo4j in the server, a list in tests). */
export interface KeySource {
  load(): Promise<readonly ActiveApiKey[]>;
  touch(id: string, at: Date): Promise<void>;
}

export interface AuthorizerOptions {
  /** How long one read of the keys is used; a revocation takes effect within it. */
  cacheTtlMs?: number;
  /** A key's `lastUsedAt` is written at most this often. */
  lastUsedIntervalMs?: number;
  now?: () => number;
  log?: Logger;
}

export interface Authorizer {
  /** Checks the request's `Authorization: Bearer <key>`; callable by any route that needs a key. */
  authorize(req: { readonly headers: IncomingHttpHeaders }): Promise<Access | Refusal>;
  hasKeys(): Promise<boolean>;
}

export const DEFAULT_KEY_CACHE_TTL_MS = 5_000;
export const DEFAULT_LAST_USED_INTERVAL_MS = 60_000;

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const MISSING = 'an API key is required: send "Authorization: Bearer <key>"';
const INVALID = 'the API key is unknown or revoked';
const CLOSED =
  'no API key exists and this server is not on loopback; create one with `cairn apikey create`';

function expired(at: number): string {
  const when = at > 0 ? ` at ${new Date(at).toISOString()}` : '';
  return `the API key expired${when}; ask for a new one (\`cairn apikey create\`)`;
}

/** `allowOpen`: with no unrevoked key at all, let every request through (loopback servers only). */
export function createAuthorizer(
  source: KeySource,
  options: AuthorizerOptions & { allowOpen: boolean },
): Authorizer {
  const ttl = options.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS;
  const touchInterval = options.lastUsedIntervalMs ?? DEFAULT_LAST_USED_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? rootLogger.child({ service: 'auth' });
  let cached: { keys: ReadonlyMap<string, ActiveApiKey>; at: number } | undefined;
  let loading: Promise<ReadonlyMap<string, ActiveApiKey>> | undefined;
  const lastTouched = new Map<string, number>();

  function keys(): Promise<ReadonlyMap<string, ActiveApiKey>> {
    if (cached && now() - cached.at < ttl) return Promise.resolve(cached.keys);
    // Concurrent requests after expiry share one read.
    loading ??= source
      .load()
      .then((list) => {
        const map = new Map(list.map((key) => [key.id, key]));
        cached = { keys: map, at: now() };
        return map;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  async function touch(id: string): Promise<void> {
    const at = now();
    const last = lastTouched.get(id);
    if (last !== undefined && at - last < touchInterval) return;
    lastTouched.set(id, at);
    try {
      await source.touch(id, new Date(at));
    } catch (error) {
      // Bookkeeping only: the request itself is fine.
      log.warn({ err: error, keyId: id }, 'could not record when an API key was last used');
    }
  }

  return {
    async hasKeys() {
      return (await keys()).size > 0;
    },
    async authorize(req) {
      const active = await keys();
      if (active.size === 0) {
        return options.allowOpen ? { role: 'admin', keyId: undefined } : unauthenticated(CLOSED);
      }
      const header = req.headers.authorization;
      if (header === undefined || header === '') return unauthenticated(MISSING);
      const presented = BEARER.exec(header)?.[1];
      if (presented === undefined || !isApiKeyFormat(presented)) return unauthenticated(INVALID);
      const stored = active.get(apiKeyIdOf(presented));
      if (!stored || !apiKeyMatches(presented, stored.hash)) return unauthenticated(INVALID);
      // Said only to whoever holds the key itself: the hash matched.
      if (stored.expiresAt !== undefined && now() >= stored.expiresAt) {
        return unauthenticated(expired(stored.expiresAt));
      }
      await touch(stored.id);
      return { role: stored.role, keyId: stored.id };
    },
  };
}

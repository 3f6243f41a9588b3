import { Command } from 'commander';
import { openGraph } from '../../db/open-graph.js';
import type { Database } from '../../db/connection.js';
import { BadInputError, NotFoundError } from '../../errors/cairn-error.js';
import { isApiKeyId } from '../../serve/auth/api-key.js';
import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyListing,
} from '../../serve/auth/api-key-store.js';
import { checkKeyName } from '../../serve/auth/key-name.js';
import { parseExpiresIn } from '../../serve/auth/key-expiry.js';
import { parseRole, ROLES } from '../../serve/auth/roles.js';
import { runAction } from '../run-action.js';

/** `cairn apikey create|list|revoke`: the keys `cairn serve` asks for (docs/api-access.md). */
export function apikeyCommand(): Command {
  const apikey = new Command('apikey').description('API keys for `cairn serve`, with roles');
  apikey
    .command('create')
    .description('create a key and print it once on stdout (only its hash is stored)')
    .requiredOption('--name <name>', 'who or what the key is for (shown in listings)')
    .requiredOption('--role <role>', `what the key may do: ${ROLES.join(' | ')}`)
    .option('--expires-in <lifetime>', 'refuse the key after this long, e.g. 90d or 12h')
    .action(
      runAction(async (options: { name: string; role: string; expiresIn?: string }) => {
        const name = checkKeyName(options.name);
        const role = parseRole(options.role, '--role');
        const expiresAt =
          options.expiresIn === undefined
            ? undefined
            : new Date(Date.now() + parseExpiresIn(options.expiresIn, '--expires-in'));
        const { key, id } = await withGraph((db) =>
          createApiKey(db, { name, role, ...(expiresAt ? { expiresAt } : {}) }),
        );
        process.stdout.write(`${key}\n`);
        const until = expiresAt ? `, expires ${expiresAt.toISOString()}` : '';
        process.stderr.write(
          `created API key ${id} (${role}${until}); it is shown only this once: keep it safe\n`,
        );
      }),
    );
  apikey
    .command('list')
    .description(
      'list keys: id, name, role, created, expires, last used, revoked (never the secrets)',
    )
    .action(
      runAction(async () => {
        const keys = await withGraph(listApiKeys);
        process.stdout.write(keys.length === 0 ? 'no API keys\n' : table(keys, new Date()));
      }),
    );
  apikey
    .command('revoke')
    .description('revoke a key by its id (the server refuses it within 5 seconds)')
    .argument('<id>', 'the id `cairn apikey list` shows')
    .action(
      runAction(async (id: string) => {
        if (!isApiKeyId(id)) {
          throw new BadInputError('<id>: expected the 8-character id `cairn apikey list` shows');
        }
        const outcome = await withGraph((db) => revokeApiKey(db, id));
        if (outcome === 'unknown') throw new NotFoundError(`no API key with id ${id}`);
        process.stdout.write(
          outcome === 'revoked' ? `revoked API key ${id}\n` : `API key ${id} was already revoked\n`,
        );
      }),
    );
  // Commander errors of subcommands (a missing option) must reach main's exit-code handling.
  for (const command of apikey.commands) command.exitOverride();
  return apikey;
}

async function withGraph<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openGraph();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const HEADER = ['ID', 'NAME', 'ROLE', 'CREATED', 'EXPIRES', 'LAST USED', 'REVOKED'];

function table(keys: readonly ApiKeyListing[], now: Date): string {
  const rows = [
    HEADER,
    ...keys.map((k) => [
      k.id,
      k.name,
      k.role,
      k.createdAt,
      expiry(k.expiresAt, now),
      k.lastUsedAt ?? '-',
      k.revokedAt ?? '-',
    ]),
  ];
  const widths = HEADER.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `-` for never, the time, and `(expired)` once it has passed, so a listing shows dead keys. */
function expiry(expiresAt: string | null, now: Date): string {
  if (expiresAt === null) return '-';
  return Date.parse(expiresAt) <= now.getTime() ? `${expiresAt}(expired)` : expiresAt;
}

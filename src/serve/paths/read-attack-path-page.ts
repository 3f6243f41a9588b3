import neo4j from 'neo4j-driver';
import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { StoredAttackPath } from '../../paths/attack/stored-attack-path.js';

export interface AttackPathPage {
  readonly totalCount: number;
  readonly paths: readonly (StoredAttackPath & { readonly isNew: boolean })[];
  readonly hasNextPage: boolean;
}

export const MAX_PATH_PAGE = 500;

/** A page of the latest run's paths, after an opaque (score, id) cursor. */
export async function readAttackPathPage(
  db: Database,
  first: number,
  after: string | null,
): Promise<AttackPathPage> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PATH_PAGE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PATH_PAGE}`);
  }
  const cursor = after ? decodePathCursor(after) : null;
  const runs = (await readNamed<{ runId: string }>(db, 'paths/attack-path-runs')).map(
    (r) => r.runId,
  );
  const [latest, previous] = runs;
  if (!latest) return { totalCount: 0, paths: [], hasNextPage: false };
  const rows = await readNamed<{ path: StoredAttackPath }>(db, 'paths/query-attack-paths', {
    runId: latest,
    afterScore: cursor?.score ?? null,
    afterId: cursor?.id ?? null,
    limit: neo4j.int(first + 1),
  });
  const [count] = await readNamed<{ totalCount: number }>(db, 'paths/count-attack-paths', {
    runId: latest,
  });
  const before = previous
    ? new Set(
        (await readNamed<{ keys: string[] }>(db, 'paths/attack-path-keys', { runId: previous }))[0]
          ?.keys ?? [],
      )
    : undefined;
  const paths = rows.slice(0, first).map(({ path }) => ({
    ...path,
    // With no earlier run, nothing is new: there is nothing to compare with.
    isNew: before ? !before.has(path.pathKey) : false,
  }));
  return { totalCount: count?.totalCount ?? 0, paths, hasNextPage: rows.length > first };
}

export function encodePathCursor(score: number, id: string): string {
  return Buffer.from(JSON.stringify([score, id])).toString('base64url');
}

function decodePathCursor(cursor: string): { score: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { score: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new BadInputError('after: not a cursor this API returned');
}

import neo4j from 'neo4j-driver';
import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import { readPathRuns } from '../../paths/attack/path-runs.js';
import type { RankedAttackPath } from '../../paths/attack/stored-attack-path.js';

export interface AttackPathPage {
  readonly totalCount: number;
  readonly paths: readonly RankedAttackPath[];
  readonly hasNextPage: boolean;
}

/** What a page of paths may be narrowed to; every field optional. */
export interface PathFilter {
  readonly bands?: readonly string[] | null;
  readonly source?: string | null;
  readonly target?: string | null;
  readonly through?: string | null;
  readonly account?: string | null;
  readonly technique?: string | null;
  readonly isNew?: boolean | null;
  readonly minScore?: number | null;
  /** One path per group of alike paths (its best). */
  readonly grouped?: boolean | null;
}

export type PathOrder = 'SCORE' | 'HOPS';

export const MAX_PATH_PAGE = 500;

/** A page of the latest run's paths, filtered, after an opaque cursor of the same order. */
export async function readAttackPathPage(
  db: Database,
  first: number,
  after: string | null,
  filter: PathFilter = {},
  order: PathOrder = 'SCORE',
): Promise<AttackPathPage> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PATH_PAGE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PATH_PAGE}`);
  }
  const cursor = after ? decodePathCursor(after, order) : null;
  const [latest] = await readPathRuns(db);
  if (!latest) return { totalCount: 0, paths: [], hasNextPage: false };
  const f = {
    bands: filter.bands?.length ? [...filter.bands] : null,
    source: filter.source ?? null,
    target: filter.target ?? null,
    through: filter.through ?? null,
    account: filter.account ?? null,
    technique: filter.technique ?? null,
    isNew: filter.isNew ?? null,
    minScore: filter.minScore ?? null,
    grouped: filter.grouped ?? false,
  };
  const rows = await readNamed<{ path: RankedAttackPath }>(
    db,
    order === 'HOPS' ? 'paths/query-attack-paths-by-hops' : 'paths/query-attack-paths',
    {
      runId: latest.runId,
      f,
      afterHops: cursor?.hops === undefined ? null : neo4j.int(cursor.hops),
      afterScore: cursor?.score ?? null,
      afterId: cursor?.id ?? null,
      limit: neo4j.int(first + 1),
    },
  );
  // Unfiltered counts are the run's own record: no scan of every path for a first page.
  const unfiltered = Object.entries(f).every(([key, value]) => key === 'grouped' || value === null);
  const totalCount = unfiltered
    ? f.grouped
      ? latest.groups
      : latest.paths
    : ((
        await readNamed<{ totalCount: number }>(db, 'paths/count-attack-paths', {
          runId: latest.runId,
          f,
        })
      )[0]?.totalCount ?? 0);
  return {
    totalCount,
    paths: rows.slice(0, first).map(({ path }) => ({ ...path, isNew: path.isNew === true })),
    hasNextPage: rows.length > first,
  };
}

export function encodePathCursor(path: RankedAttackPath, order: PathOrder): string {
  const key = order === 'HOPS' ? [path.hopCount, path.score, path.id] : [path.score, path.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodePathCursor(
  cursor: string,
  order: PathOrder,
): { hops?: number; score: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value)) {
      const [a, b, c] = value as unknown[];
      if (order === 'SCORE' && value.length === 2 && typeof a === 'number' && typeof b === 'string')
        return { score: a, id: b };
      if (
        order === 'HOPS' &&
        value.length === 3 &&
        Number.isInteger(a) &&
        typeof b === 'number' &&
        typeof c === 'string'
      )
        return { hops: a as number, score: b, id: c };
    }
  } catch {
    // fall through
  }
  throw new BadInputError('after: not a cursor this API returned for this order');
}

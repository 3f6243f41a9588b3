import type { Database } from '../../db/connection.js';
import { readNamed, writeNamed } from '../../db/transactions.js';
import { applicableSuppression, compileSuppression } from './match-suppression.js';
import { readSuppressions } from './suppression-store.js';

interface OpenRow {
  readonly id: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly suppressionId: string | null;
  readonly suppressionExpires: string | null;
  readonly suppressionReason: string | null;
  readonly suppressionBy: string | null;
  readonly tags: string | null;
}

const BATCH = 5_000;

/**
 * Points every open finding at the suppression that applies to it now (or none). Run after each
 * analysis and each suppress/unsuppress; expiry needs no run, since readers compare it with now.
 * Returns how many findings changed.
 */
export async function applySuppressions(db: Database, now: string): Promise<number> {
  const compiled = (await readSuppressions(db)).map(compileSuppression);
  const withTags = compiled.some((c) => Object.keys(c.suppression.tags).length > 0);
  const open = await readNamed<OpenRow>(db, 'findings/open-findings-for-suppression', { withTags });
  const changes = [];
  for (const row of open) {
    const applies = applicableSuppression(
      compiled,
      { ...row, tags: withTags ? tagsOf(row.tags) : {} },
      now,
    );
    const next = {
      suppressionId: applies?.id ?? null,
      suppressionReason: applies?.reason ?? null,
      suppressionBy: applies?.by ?? null,
      suppressionExpires: applies?.expires ?? null,
    };
    const same = (Object.keys(next) as (keyof typeof next)[]).every(
      (key) => next[key] === row[key],
    );
    if (!same) changes.push({ id: row.id, ...next });
  }
  for (let at = 0; at < changes.length; at += BATCH) {
    await writeNamed(db, 'findings/write-finding-suppressions', {
      rows: changes.slice(at, at + BATCH),
    });
  }
  return changes.length;
}

function tagsOf(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

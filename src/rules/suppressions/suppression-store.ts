import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.js';
import { readNamed, writeNamed } from '../../db/transactions.js';
import {
  suppressionCriteriaSchema,
  type Suppression,
  type SuppressionCriteria,
} from './suppression.js';

interface SuppressionRow {
  readonly id: string;
  readonly source: 'file' | 'api';
  readonly createdAt: string;
  readonly criteria: string;
}

/** Every stored suppression; one whose stored criteria no longer parse is skipped, not fatal. */
export async function readSuppressions(db: Database): Promise<Suppression[]> {
  const rows = await readNamed<SuppressionRow>(db, 'findings/all-suppressions');
  const suppressions: Suppression[] = [];
  for (const row of rows) {
    const parsed = suppressionCriteriaSchema.safeParse(parseJson(row.criteria));
    if (parsed.success) {
      suppressions.push({
        ...parsed.data,
        id: row.id,
        source: row.source,
        createdAt: row.createdAt,
      });
    }
  }
  return suppressions;
}

/** Makes the stored file suppressions exactly the file's. */
export async function replaceFileSuppressions(
  db: Database,
  suppressions: readonly Suppression[],
): Promise<void> {
  await writeNamed(db, 'findings/replace-file-suppressions', {
    rows: suppressions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      criteria: JSON.stringify(criteriaOf(s)),
    })),
  });
}

export async function createSuppression(
  db: Database,
  criteria: SuppressionCriteria,
  now: string,
): Promise<Suppression> {
  const id = `api:${randomUUID()}`;
  await writeNamed(db, 'findings/create-suppression', {
    id,
    criteria: JSON.stringify(criteria),
    createdAt: now,
  });
  return { ...criteria, id, source: 'api', createdAt: now };
}

/** Removes an API suppression; says what it found (`file` ones are not removed). */
export async function deleteSuppression(
  db: Database,
  id: string,
): Promise<'deleted' | 'missing' | 'from-file'> {
  const [row] = await writeNamed<{ source: string }>(db, 'findings/delete-suppression', { id });
  if (!row) return 'missing';
  return row.source === 'api' ? 'deleted' : 'from-file';
}

function criteriaOf(s: Suppression): SuppressionCriteria {
  const { id: _id, source: _source, createdAt: _createdAt, ...criteria } = s;
  return criteria;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

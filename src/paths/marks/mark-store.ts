import type { Database } from '../../db/connection.js';
import { readNamed, writeNamed } from '../../db/transactions.js';
import { markId, type Mark, type MarkKind } from './mark.js';

export interface MarkRequest {
  readonly kind: MarkKind;
  readonly target: string;
  readonly impact?: string;
  readonly reason: string;
  readonly by: string;
}

/** Stores a mark; undefined when the graph holds no node with that id. */
export async function saveMark(
  db: Database,
  request: MarkRequest,
  now: string,
): Promise<Mark | undefined> {
  const mark: Mark = {
    id: markId(request.kind, request.target),
    kind: request.kind,
    target: request.target,
    impact: request.impact ?? null,
    reason: request.reason,
    by: request.by,
    markedAt: now,
  };
  const [row] = await writeNamed<{ mark: Mark }>(db, 'paths/write-mark', { mark });
  return row?.mark;
}

/** Removes a mark; false when there was none. */
export async function removeMark(db: Database, kind: MarkKind, target: string): Promise<boolean> {
  const [row] = await writeNamed<{ existed: boolean }>(db, 'paths/delete-mark', {
    id: markId(kind, target),
  });
  return row?.existed ?? false;
}

export async function listMarks(db: Database): Promise<Mark[]> {
  return (await readNamed<{ mark: Mark }>(db, 'paths/list-marks')).map((row) => row.mark);
}

import neo4j, { type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { CairnError, DatabaseError } from '../errors/cairn-error.js';
import { redact } from '../errors/redact.js';
import type { Database } from './connection.js';
import { cypher } from './cypher-registry.js';
import type { CypherName } from './cypher-names.js';

export type Params = object;

/** Runs `work` in one write transaction; the driver retries transient failures (deadlocks). */
export async function writeTransaction<T>(
  db: Database,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = db.session('WRITE');
  try {
    return await session.executeWrite(work);
  } catch (error) {
    throw asDatabaseError(error);
  } finally {
    await session.close();
  }
}

export async function readTransaction<T>(
  db: Database,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = db.session('READ');
  try {
    return await session.executeRead(work);
  } catch (error) {
    throw asDatabaseError(error);
  } finally {
    await session.close();
  }
}

/** Runs a named query from the registry inside a transaction and returns plain row objects. */
export async function runNamed<Row extends RecordShape = RecordShape>(
  tx: ManagedTransaction,
  name: CypherName,
  params: Params = {},
): Promise<Row[]> {
  const result = await tx.run<Row>(cypher(name), params);
  return result.records.map((record) => record.toObject());
}

/** A named write query in its own transaction. */
export async function writeNamed<Row extends RecordShape = RecordShape>(
  db: Database,
  name: CypherName,
  params: Params = {},
): Promise<Row[]> {
  return writeTransaction(db, (tx) => runNamed<Row>(tx, name, params));
}

export async function readNamed<Row extends RecordShape = RecordShape>(
  db: Database,
  name: CypherName,
  params: Params = {},
): Promise<Row[]> {
  return readTransaction(db, (tx) => runNamed<Row>(tx, name, params));
}

/**
 * Repeats a `... LIMIT $limit ... RETURN count(*) AS deleted` query until it deletes nothing,
 * so large deletions stay within the database's transaction memory.
 */
export async function deleteInBatches(
  db: Database,
  query: string,
  params: Params,
  limit = 10_000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await writeTransaction(db, async (tx) => {
      const result = await tx.run<{ deleted: number }>(query, {
        ...params,
        limit: neo4j.int(limit),
      });
      return result.records[0]?.get('deleted') ?? 0;
    });
    total += deleted;
    if (deleted < limit) return total;
  }
}

export function asDatabaseError(error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const message = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
  return new DatabaseError(`database operation failed: ${redact(message)}`, { cause: error });
}

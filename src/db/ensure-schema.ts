import { schemaStatements } from '../model/schema-statements.js';
import type { Database } from './connection.js';
import { asDatabaseError } from './transactions.js';

const prepared = new WeakSet<Database>();

/**
 * Creates the models' constraints and indexes. Every statement is `IF NOT EXISTS`, so this is a
 * no-op on a prepared database and safe to run at every start; it waits for new indexes to come
 * online so the first load does not scan.
 */
export async function ensureSchema(db: Database): Promise<void> {
  if (prepared.has(db)) return;
  const session = db.session('WRITE');
  try {
    for (const statement of schemaStatements()) {
      try {
        await session.run(statement);
      } catch (error) {
        // Two processes preparing the same database at once: the other one won the race.
        if (!isEquivalentRuleRace(error)) throw error;
      }
    }
    await session.run('CALL db.awaitIndexes(300)');
  } catch (error) {
    throw asDatabaseError(error);
  } finally {
    await session.close();
  }
  prepared.add(db);
}

function isEquivalentRuleRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.includes('EquivalentSchemaRuleAlreadyExists');
}

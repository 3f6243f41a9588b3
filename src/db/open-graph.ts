import { recoverPendingLoads } from '../load/roll-forward.js';
import { openDatabase, type Database } from './connection.js';
import { ensureSchema } from './ensure-schema.js';

/**
 * What every command that works on the graph starts with: connect (starting the local Neo4j if
 * no NEO4J_URI is set), make sure the schema exists, and finish any interrupted load so nobody
 * reads a scope that is half applied.
 */
export async function openGraph(): Promise<Database> {
  const db = await openDatabase();
  try {
    await ensureSchema(db);
    await recoverPendingLoads(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

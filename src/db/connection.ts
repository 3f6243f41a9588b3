import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { databaseTarget, type DatabaseTarget } from '../config/database-config.js';
import { DatabaseError } from '../errors/cairn-error.js';
import { redact } from '../errors/redact.js';
import { startLocalNeo4j } from '../neo4j/local-neo4j.js';

/** An open connection to the graph: the driver plus the database name to use for sessions. */
export interface Database {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly uri: string;
  session(mode?: 'READ' | 'WRITE'): Session;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j. With NEO4J_URI unset, starts (or reuses) the project's local
 * Neo4j first, so every command that needs a database simply calls this.
 */
export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<Database> {
  const credentials =
    target.kind === 'external'
      ? { uri: target.uri, user: target.user, password: target.password }
      : await startLocalNeo4j();
  const driver = neo4j.driver(
    credentials.uri,
    neo4j.auth.basic(credentials.user, credentials.password),
    { disableLosslessIntegers: true, logging: { level: 'error', logger: () => undefined } },
  );
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (error) {
    await driver.close();
    throw new DatabaseError(
      `cannot connect to Neo4j at ${redact(credentials.uri)}: ${redact(messageOf(error))}`,
      { cause: error },
    );
  }
  return {
    driver,
    database: target.database,
    uri: credentials.uri,
    session: (mode = 'WRITE') =>
      driver.session({
        database: target.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      }),
    close: () => driver.close(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
}

import type { Database } from '../db/connection.js';
import { loggerFor, type Logger } from '../logging/logger.js';
import { createLoaders, type Loaders, type QueryCounter } from './loaders.js';

/** What every resolver of one request sees. */
export interface ServeContext {
  readonly db: Database;
  readonly loaders: Loaders;
  readonly log: Logger;
  /**
   * Errors the service was at fault for, as thrown (before `formatError` masks them): the server
   * logs them, `cairn query` reports the first on stderr.
   */
  readonly failures: unknown[];
}

export interface ContextOptions {
  /** Counts the database queries the loaders make (tests of batching). */
  counter?: QueryCounter;
  log?: Logger;
}

export function createContext(db: Database, options: ContextOptions = {}): ServeContext {
  return {
    db,
    loaders: createLoaders(db, options.counter),
    log: options.log ?? loggerFor({ service: 'graphql' }),
    failures: [],
  };
}

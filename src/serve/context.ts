import type { Database } from '../db/connection.js';
import { loggerFor, type Logger } from '../logging/logger.js';
import { createLoaders, type Loaders, type QueryCounter } from './loaders.js';

/** What every resolver of one request sees. */
export interface ServeContext {
  readonly db: Database;
  readonly loaders: Loaders;
  readonly log: Logger;
}

export function createContext(db: Database, counter?: QueryCounter): ServeContext {
  return { db, loaders: createLoaders(db, counter), log: loggerFor({ service: 'graphql' }) };
}

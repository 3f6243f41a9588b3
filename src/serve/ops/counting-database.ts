import type { Database } from '../../db/connection.js';
import { dbQueries } from './cairn-metrics.js';
import type { Counter } from './counter.js';

/**
 * The same database, but every Cypher query run through it (auto-commit, or inside the
 * transactions `executeRead`/`executeWrite` hand out) moves `counter`.
 */
export function countingDatabase(db: Database, counter: Counter = dbQueries): Database {
  return {
    driver: db.driver,
    database: db.database,
    uri: db.uri,
    session: (mode) => countingRuns(db.session(mode), counter),
    close: () => db.close(),
  };
}

type Callable = (...args: unknown[]) => unknown;

/** A view of a session or transaction whose `run` counts; nothing else changes. */
function countingRuns<T extends object>(target: T, counter: Counter): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      // The driver's classes keep private state: methods must run on the real object.
      const bound = (value as Callable).bind(object);
      if (property === 'run') {
        return (...args: unknown[]) => {
          counter.inc();
          return bound(...args);
        };
      }
      if (property === 'executeRead' || property === 'executeWrite') {
        return (work: unknown, ...rest: unknown[]) =>
          bound(
            typeof work === 'function'
              ? (tx: object) => (work as Callable)(countingRuns(tx, counter))
              : work,
            ...rest,
          );
      }
      return bound;
    },
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ctx, Query, Resolver } from 'type-graphql';
import { packageRoot } from '../../config/paths.js';
import type { Database } from '../../db/connection.js';
import { cypher } from '../../db/cypher-registry.js';
import type { ServeContext } from '../context.js';
import { Health } from './health.type.js';

/** A probe must answer quickly even when the database hangs rather than refuses. */
export const HEALTH_DB_TIMEOUT_MS = 3000;

const cairnVersion = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

@Resolver()
export class HealthResolver {
  /** Never throws: a monitoring probe needs an answer even when Neo4j is down. */
  @Query(() => Health)
  async health(@Ctx() ctx: ServeContext): Promise<Health> {
    try {
      const version = await serverVersion(ctx.db);
      return { status: 'ok', version: cairnVersion, database: { reachable: true, version } };
    } catch (error) {
      ctx.log.warn({ err: error }, 'health: database unreachable');
      return {
        status: 'degraded',
        version: cairnVersion,
        database: { reachable: false, version: null },
      };
    }
  }
}

/**
 * One auto-commit query: unlike `readNamed`'s managed transaction, the driver does not retry it
 * (retries would hold the probe for 30 s when the database is down), and it is bounded in time.
 */
async function serverVersion(db: Database): Promise<string | null> {
  const session = db.session('READ');
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`no answer within ${HEALTH_DB_TIMEOUT_MS} ms`));
    }, HEALTH_DB_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([session.run(cypher('serve/server-version')), timeout]);
    const record = result.records[0];
    return record ? `${String(record.get('version'))} ${String(record.get('edition'))}` : null;
  } finally {
    clearTimeout(timer);
    // After a timeout the session may still wait on the unresponsive server: let it go.
    if (timedOut) void session.close().catch(() => undefined);
    else await session.close();
  }
}

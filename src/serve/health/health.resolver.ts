import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ctx, Query, Resolver } from 'type-graphql';
import { packageRoot } from '../../config/paths.js';
import { readNamed } from '../../db/transactions.js';
import type { ServeContext } from '../context.js';
import { Health } from './health.type.js';

const cairnVersion = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

@Resolver()
export class HealthResolver {
  /** Never throws: a monitoring probe needs an answer even when Neo4j is down. */
  @Query(() => Health)
  async health(@Ctx() ctx: ServeContext): Promise<Health> {
    let version: string | null = null;
    try {
      const [row] = await readNamed<{ version: string; edition: string }>(
        ctx.db,
        'serve/server-version',
      );
      version = row ? `${row.version} ${row.edition}` : null;
    } catch (error) {
      ctx.log.warn({ err: error }, 'health: database unreachable');
      return {
        status: 'degraded',
        version: cairnVersion,
        database: { reachable: false, version: null },
      };
    }
    return { status: 'ok', version: cairnVersion, database: { reachable: true, version } };
  }
}

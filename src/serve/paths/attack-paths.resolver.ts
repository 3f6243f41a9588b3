import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { ServeContext } from '../context.js';
import { PageInfo } from '../connection/page-info.type.js';
import { AttackPathConnection, AttackPathEdge } from './attack-path.type.js';
import { attackPathResult } from './attack-path-result.js';
import { AttackPathFilter, AttackPathOrder } from './attack-path-filter.input.js';
import { encodePathCursor, readAttackPathPage } from './read-attack-path-page.js';

@Resolver()
export class AttackPathsResolver {
  @Query(() => AttackPathConnection, {
    description: 'Attack paths of the latest analysis, ranked by score, highest first.',
  })
  async attackPaths(
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => AttackPathFilter, { nullable: true }) filter?: AttackPathFilter,
    @Arg('orderBy', () => AttackPathOrder, { defaultValue: AttackPathOrder.SCORE })
    orderBy: AttackPathOrder = AttackPathOrder.SCORE,
  ): Promise<AttackPathConnection> {
    const page = await readAttackPathPage(ctx.db, first, after ?? null, filter ?? {}, orderBy);
    const edges = await Promise.all(
      page.paths.map(async (path) => {
        const node = await attackPathResult(ctx, path, path.isNew);
        return Object.assign(new AttackPathEdge(), {
          node,
          cursor: encodePathCursor(path, orderBy),
        });
      }),
    );
    return Object.assign(new AttackPathConnection(), {
      totalCount: page.totalCount,
      edges,
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        endCursor: edges.at(-1)?.cursor ?? null,
      }),
    });
  }
}

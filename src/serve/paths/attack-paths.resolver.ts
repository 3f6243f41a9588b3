import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { ServeContext } from '../context.js';
import { PageInfo } from '../connection/page-info.type.js';
import { AttackPathConnection, AttackPathEdge } from './attack-path.type.js';
import { attackPathResult } from './attack-path-result.js';
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
  ): Promise<AttackPathConnection> {
    const page = await readAttackPathPage(ctx.db, first, after ?? null);
    const edges = await Promise.all(
      page.paths.map(async (path) => {
        const node = await attackPathResult(ctx, path, path.isNew);
        return Object.assign(new AttackPathEdge(), {
          node,
          cursor: encodePathCursor(path.score, path.id),
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

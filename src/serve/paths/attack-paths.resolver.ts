import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { StoredStep } from '../../paths/attack/stored-attack-path.js';
import type { ServeContext } from '../context.js';
import { PageInfo } from '../connection/page-info.type.js';
import {
  AttackPathConnection,
  AttackPathEdge,
  AttackPathResult,
  AttackPathStep,
} from './attack-path.type.js';
import { grantsAdmin, pathEntity } from './path-entity.js';
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
    const entity = (id: string) => pathEntity(ctx, id);
    const edges = await Promise.all(
      page.paths.map(async (path) => {
        const steps = parseSteps(path.steps);
        const node = Object.assign(new AttackPathResult(), {
          id: path.id,
          score: path.score,
          band: path.band,
          source: await entity(path.entry),
          sourceReason: path.entryReason,
          target: await entity(path.jewel),
          targetReason: path.jewelReason,
          isNew: path.isNew,
          steps: await Promise.all(
            steps.map(async (step) =>
              Object.assign(new AttackPathStep(), {
                from: await entity(step.from),
                to: await entity(step.to),
                technique: step.technique,
                likelihood: step.likelihood,
                grantsAdmin: grantsAdmin(step.to),
                evidence: step.ref,
              }),
            ),
          ),
        });
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

function parseSteps(text: string): StoredStep[] {
  try {
    const steps = JSON.parse(text) as unknown;
    return Array.isArray(steps) ? (steps as StoredStep[]) : [];
  } catch {
    return [];
  }
}

import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import { chokePoints } from '../../paths/attack/choke-points.js';
import { readPathRuns } from '../../paths/attack/path-runs.js';
import { stepFixes } from '../../paths/attack/step-fixes.js';
import type { StoredStep } from '../../paths/attack/stored-attack-path.js';
import type { ServeContext } from '../context.js';
import { ChokePointResult } from './choke-point.type.js';
import { fixInputOf } from './fix-input-of.js';
import { pathEntity } from './path-entity.js';

@Resolver()
export class ChokePointsResolver {
  @Query(() => [ChokePointResult], {
    description:
      'Hops of the latest attack paths ranked by the total risk they carry: the fixes that remove the most.',
  })
  async chokePoints(
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<ChokePointResult[]> {
    if (!Number.isInteger(first) || first < 0 || first > 500) {
      throw new BadInputError('first must be between 0 and 500');
    }
    const [latest] = await readPathRuns(ctx.db);
    if (!latest) return [];
    const rows = await readNamed<{ score: number; steps: string }>(ctx.db, 'paths/run-path-steps', {
      runId: latest.runId,
    });
    const ranked = chokePoints(
      rows.map((row) => ({ score: row.score, steps: JSON.parse(row.steps) as StoredStep[] })),
    ).slice(0, first);
    return Promise.all(
      ranked.map(async (point) =>
        Object.assign(new ChokePointResult(), {
          ...point,
          from: await pathEntity(ctx, point.from),
          to: await pathEntity(ctx, point.to),
          fixes: stepFixes({ ...point, likelihood: 1, ref: point.evidence }).map((fix) =>
            fixInputOf(fix.summary, fix.fix),
          ),
        }),
      ),
    );
  }
}

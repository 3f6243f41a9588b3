import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { BadInputError, CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { blastRadius } from '../../paths/attack/blast-radius.js';
import { loadAttackScene } from '../../paths/attack/attack-scene.js';
import { latestPathSettings } from '../../paths/attack/path-runs.js';
import { pathScore } from '../../paths/attack/risk-model.js';
import type { ServeContext } from '../context.js';
import { Entity } from '../node/entity.type.js';
import { grantsAdmin, pathEntity } from './path-entity.js';

/** What reaching something that is not a crown jewel is worth: a foothold, not a prize. */
const FOOTHOLD_IMPACT = 0.3;

@ObjectType({ description: 'Something reachable from the starting point, by its likeliest way.' })
export class BlastRadiusItem {
  @Field(() => Entity)
  target!: Entity;

  @Field(() => Boolean, { description: 'Reached as admin (by an escalation that grants it).' })
  asAdmin!: boolean;

  @Field(() => Float, { description: 'Likelihood of the likeliest way there (0–1).' })
  likelihood!: number;

  @Field(() => Int)
  hops!: number;

  @Field(() => String, { nullable: true, description: 'Why it is a crown jewel, if it is.' })
  crownJewel!: string | null;

  @Field(() => Float, { description: '0–100: likelihood × impact (0.3 when not a crown jewel).' })
  score!: number;
}

@Resolver()
export class BlastRadiusResolver {
  @Query(() => [BlastRadiusItem], {
    description:
      'Everything an attacker holding this principal or resource could reach within maxHops, scored, highest first.',
  })
  async blastRadius(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ServeContext,
    @Arg('maxHops', () => Int, { defaultValue: 6 }) maxHops = 6,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<BlastRadiusItem[]> {
    if (maxHops < 1 || maxHops > 10) throw new BadInputError('maxHops must be between 1 and 10');
    if (first < 0 || first > 1000) throw new BadInputError('first must be between 0 and 1000');
    const settings = await latestPathSettings(ctx.db);
    const scene = await loadAttackScene(ctx.db, settings, new Date().toISOString());
    const graph = scene.graph;
    const source = graph.indexOf(id);
    if (source === undefined) {
      const row = await ctx.loaders.entityById.load(id);
      if (!row) throw new CairnError(ErrorCode.NOT_FOUND, `no node ${id}`);
      return [];
    }
    const jewels = new Map(scene.jewels.map((j) => [j.id, j]));
    const items = blastRadius(graph, source, maxHops).map((reached) => {
      const nodeId = graph.idOf(reached.node);
      const jewel = jewels.get(nodeId);
      return {
        nodeId,
        likelihood: reached.likelihood,
        hops: reached.hops,
        crownJewel: jewel?.reason ?? null,
        score: pathScore([reached.likelihood], jewel?.impact ?? FOOTHOLD_IMPACT),
      };
    });
    items.sort((a, b) => b.score - a.score || a.hops - b.hops || a.nodeId.localeCompare(b.nodeId));
    return Promise.all(
      items.slice(0, first).map(async (item) =>
        Object.assign(new BlastRadiusItem(), {
          target: await pathEntity(ctx, item.nodeId),
          asAdmin: grantsAdmin(item.nodeId),
          likelihood: Math.round(item.likelihood * 10_000) / 10_000,
          hops: item.hops,
          crownJewel: item.crownJewel,
          score: item.score,
        }),
      ),
    );
  }
}

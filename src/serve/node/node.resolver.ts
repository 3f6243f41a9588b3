import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ServeContext } from '../context.js';
import { Entity } from './entity.type.js';
import { Node } from './node.interface.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id; null when there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: ServeContext): Promise<Node | null> {
    const row = await ctx.loaders.entityById.load(id);
    return row ? Entity.fromRow(row) : null;
  }
}

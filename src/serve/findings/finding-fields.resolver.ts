import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServeContext } from '../context.js';
import { Entity } from '../node/entity.type.js';
import { Finding } from './finding.type.js';
import { ControlRef, PostureRule } from './rule.type.js';
import { servedCatalog } from './served-catalog.js';

@Resolver(() => Finding)
export class FindingFieldsResolver {
  @FieldResolver(() => PostureRule, {
    nullable: true,
    description: 'The rule (null if its file no longer loads).',
  })
  async rule(@Root() finding: Finding): Promise<PostureRule | null> {
    return (await servedCatalog()).rules.get(finding.ruleId) ?? null;
  }

  @FieldResolver(() => Entity, {
    nullable: true,
    description: 'The resource as loaded now (null once it is gone from the graph).',
  })
  async resource(@Root() finding: Finding, @Ctx() ctx: ServeContext): Promise<Entity | null> {
    const row = await ctx.loaders.entityById.load(finding.resourceId);
    return row ? Entity.fromRow(row) : null;
  }

  @FieldResolver(() => [ControlRef], { description: 'The framework controls this finding fails.' })
  async controls(@Root() finding: Finding): Promise<ControlRef[]> {
    return (await servedCatalog()).rules.get(finding.ruleId)?.controls ?? [];
  }
}

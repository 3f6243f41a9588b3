import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Suppression } from '../../rules/suppressions/suppression.js';

@ObjectType({
  description: 'Accepted risk: findings it matches show as SUPPRESSED until it expires.',
})
export class SuppressionRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '`file` (the reviewed YAML file) or `api`.' })
  source!: string;

  @Field(() => [String], { description: 'Rule ids or globs.' })
  rules!: string[];

  @Field(() => [String])
  accounts!: string[];

  @Field(() => [String])
  regions!: string[];

  @Field(() => [String], { description: 'Resource ids or globs.' })
  resources!: string[];

  @Field(() => GraphQLJSONObject, { description: 'Tags the resource must carry (`*`: any value).' })
  tags!: Record<string, string>;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  by!: string;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;

  @Field(() => String)
  createdAt!: string;

  static from(s: Suppression): SuppressionRecord {
    return Object.assign(new SuppressionRecord(), {
      id: s.id,
      source: s.source,
      rules: [...s.rules],
      accounts: [...s.accounts],
      regions: [...s.regions],
      resources: [...s.resources],
      tags: { ...s.tags },
      reason: s.reason,
      by: s.by,
      expiresAt: s.expires ?? null,
      createdAt: s.createdAt,
    });
  }
}

@InputType({
  description:
    'What to suppress: one finding (`findingId`), or findings matching every criterion given. Needs a reason and who approved it.',
})
export class SuppressInput {
  @Field(() => ID, { nullable: true })
  findingId?: string;

  @Field(() => [String], { nullable: true })
  rules?: string[];

  @Field(() => [String], { nullable: true })
  accounts?: string[];

  @Field(() => [String], { nullable: true })
  regions?: string[];

  @Field(() => [String], { nullable: true })
  resources?: string[];

  @Field(() => GraphQLJSONObject, { nullable: true })
  tags?: Record<string, unknown>;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  by!: string;

  @Field(() => String, { nullable: true, description: 'ISO date or datetime.' })
  expiresAt?: string;
}

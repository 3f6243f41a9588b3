import { GraphQLJSON } from 'graphql-scalars';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type.js';

@ObjectType({ description: 'The statements, conditions and preconditions behind one step.' })
export class StepEvidence {
  @Field(() => GraphQLJSON, {
    description: 'Per action: the resource and the statements that allow it.',
  })
  statements!: unknown;

  @Field(() => GraphQLJSON, { description: 'Conditions on request context Cairn cannot know.' })
  pending!: unknown;

  @Field(() => [String], { description: 'Facts the collected data cannot confirm.' })
  preconditions!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'For a grant to another principal: the technique that becomes it first.',
  })
  through!: string | null;
}

@ObjectType({ description: 'One move of an escalation path.' })
export class EscalationStep {
  @Field(() => Entity)
  from!: Entity;

  @Field(() => Entity)
  to!: Entity;

  @Field(() => String, { description: 'Stable technique id, e.g. `aws.iam.CreatePolicyVersion`.' })
  technique!: string;

  @Field(() => [String], { description: 'The permissions the step relies on.' })
  actions!: string[];

  @Field(() => Boolean, { description: 'The step makes `to` admin-equivalent.' })
  grantsAdmin!: boolean;

  @Field(() => Boolean, { description: 'Holds only under conditions Cairn cannot know.' })
  conditional!: boolean;

  /** Resolved on demand (StepEvidence loader). */
  evidence?: StepEvidence | null;
}

@ObjectType({ description: 'A shortest way from a principal to admin-equivalent permissions.' })
export class EscalationPath {
  @Field(() => Entity, {
    description:
      'An admin-equivalent principal, or the principal that grants itself admin-equivalent permissions.',
  })
  target!: Entity;

  @Extensions({ maxItems: 10 })
  @Field(() => [EscalationStep])
  steps!: EscalationStep[];

  @Field(() => Int)
  length!: number;

  @Field(() => Boolean, { description: 'Some step holds only under unknown conditions.' })
  conditional!: boolean;
}

import { Extensions, Field, Float, Int, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type.js';
import { PathStepFix } from './fix.types.js';

@ObjectType({ description: 'A hop many attack paths share: cutting it removes them all.' })
export class ChokePointResult {
  @Field(() => Entity)
  from!: Entity;

  @Field(() => Entity)
  to!: Entity;

  @Field(() => String)
  technique!: string;

  @Field(() => String, { description: 'The derived edge behind the hop: what to change.' })
  evidence!: string;

  @Field(() => Int, { description: 'Paths of the latest analysis through it.' })
  paths!: number;

  @Field(() => Float, { description: 'The total score of those paths.' })
  risk!: number;

  @Extensions({ maxItems: 3 })
  @Field(() => [PathStepFix], {
    description: 'Changes that would cut it, as simulateFix takes them.',
  })
  fixes!: PathStepFix[];
}

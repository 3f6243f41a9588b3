import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';

export enum AttackPathOrder {
  SCORE = 'SCORE',
  HOPS = 'HOPS',
}

registerEnumType(AttackPathOrder, {
  name: 'AttackPathOrder',
  description: 'SCORE: highest first (the default). HOPS: shortest first, then highest score.',
});

@InputType({ description: 'Narrows attack paths; every field optional, all must hold.' })
export class AttackPathFilter {
  @Field(() => [String], { nullable: true, description: '`critical`, `high`, `medium`, `low`.' })
  bands?: string[];

  @Field(() => ID, { nullable: true, description: 'Paths starting at this entry point.' })
  source?: string;

  @Field(() => ID, { nullable: true, description: 'Paths ending at this crown jewel.' })
  target?: string;

  @Field(() => ID, { nullable: true, description: 'Paths passing through this node.' })
  through?: string;

  @Field(() => String, { nullable: true, description: 'Paths touching this account.' })
  account?: string;

  @Field(() => String, { nullable: true, description: 'Paths using this technique.' })
  technique?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only paths new (or not) since the last run.',
  })
  isNew?: boolean;

  @Field(() => Float, { nullable: true })
  minScore?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'One path per group of alike paths (its best); see similarCount.',
  })
  grouped?: boolean;
}

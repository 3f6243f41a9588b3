import { Extensions, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../connection/page-info.type.js';
import { Entity } from '../node/entity.type.js';
import { PathStepFix } from './fix.types.js';

@ObjectType({ description: 'One hop of an attack path, with what it relies on.' })
export class AttackPathStep {
  @Field(() => Entity)
  from!: Entity;

  @Field(() => Entity, {
    description: 'Where the hop leads; for an escalation that grants admin, the principal itself.',
  })
  to!: Entity;

  @Field(() => String, { description: 'e.g. `network.Reach`, `aws.iam.CreatePolicyVersion`.' })
  technique!: string;

  @Field(() => Float, { description: "The risk model's likelihood of this hop (0–1)." })
  likelihood!: number;

  @Field(() => Boolean, { description: 'The hop makes its principal admin-equivalent.' })
  grantsAdmin!: boolean;

  @Field(() => String, { description: 'The derived edge the hop comes from (its evidence).' })
  evidence!: string;

  @Field(() => [String], {
    description: 'Ports the internet reaches (`tcp:443`) or data access levels (`read`, `write`).',
  })
  detail!: string[];

  @Extensions({ maxItems: 3 })
  @Field(() => [PathStepFix], { description: 'Changes that would cut this hop, narrowest first.' })
  fixes!: PathStepFix[];
}

@ObjectType({ description: 'A ranked way from an entry point to a crown jewel.' })
export class AttackPathResult {
  @Field(() => ID)
  id!: string;

  @Field(() => Float, { description: '0–100: the product of its hop likelihoods × the impact.' })
  score!: number;

  @Field(() => String, { description: '`critical`, `high`, `medium` or `low`.' })
  band!: string;

  @Field(() => Entity, { description: 'The entry point.' })
  source!: Entity;

  @Field(() => String, { description: 'Why the source is an entry point.' })
  sourceReason!: string;

  @Field(() => Entity, { description: 'The crown jewel.' })
  target!: Entity;

  @Field(() => String, { description: 'Why the target is a crown jewel.' })
  targetReason!: string;

  @Extensions({ maxItems: 10 })
  @Field(() => [AttackPathStep])
  steps!: AttackPathStep[];

  @Field(() => Boolean, { description: 'The previous analysis did not find it.' })
  isNew!: boolean;

  @Field(() => Int)
  hopCount!: number;

  @Field(() => [String], { description: 'Accounts the path passes through.' })
  accounts!: string[];

  @Field(() => String, {
    description: 'Alike paths (same entry point, crown jewel and techniques) share it.',
  })
  groupKey!: string;

  @Field(() => Int, { description: 'How many other paths of this run are alike.' })
  similarCount!: number;
}

@ObjectType()
export class AttackPathEdge {
  @Field(() => AttackPathResult)
  node!: AttackPathResult;

  @Field(() => String)
  cursor!: string;
}

@ObjectType({ description: 'Attack paths of the latest analysis, highest score first.' })
export class AttackPathConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AttackPathEdge])
  edges!: AttackPathEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AttackPathResult } from './attack-path.type.js';

@InputType({ description: 'Remove one hop (a derived edge): a grant, a trust, an escalation.' })
export class RemoveHopInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => String, { nullable: true, description: 'Only this technique; all when absent.' })
  technique?: string;
}

@InputType({ description: 'Close ports of a resource to the internet.' })
export class ClosePortsInput {
  @Field(() => ID)
  resource!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'As `REACHES.ports` lists them (`tcp:22`); every port when absent.',
  })
  ports?: string[];
}

@InputType({ description: "Drop a role's trust in a principal (or in everyone)." })
export class DropTrustInput {
  @Field(() => ID)
  role!: string;

  @Field(() => ID, { nullable: true })
  principal?: string;
}

@InputType({ description: 'One fix: exactly one of the fields.' })
export class FixInput {
  @Field(() => RemoveHopInput, { nullable: true })
  removeHop?: RemoveHopInput;

  @Field(() => ClosePortsInput, { nullable: true })
  closePorts?: ClosePortsInput;

  @Field(() => DropTrustInput, { nullable: true })
  dropTrust?: DropTrustInput;
}

@ObjectType({
  description: 'What a simulated fix would do to the attack paths; nothing is changed.',
})
export class WhatIfResult {
  @Field(() => [AttackPathResult], { description: 'Paths the fix removes.' })
  removed!: AttackPathResult[];

  @Field(() => [AttackPathResult], { description: 'Paths that remain.' })
  remaining!: AttackPathResult[];

  @Field(() => [AttackPathResult], {
    description: 'Paths that only rank among the best once the fix removed better ones.',
  })
  surfaced!: AttackPathResult[];
}

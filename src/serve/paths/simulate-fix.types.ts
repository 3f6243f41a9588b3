import { Field, ObjectType } from 'type-graphql';
import { AttackPathResult } from './attack-path.type.js';

export { FixInput } from './fix.types.js';

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

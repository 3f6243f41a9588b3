import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type.js';

@ObjectType({ description: 'A principal that can perform an action on a resource, and how.' })
export class WhoCanEntry {
  @Field(() => Entity)
  principal!: Entity;

  @Field(() => String, {
    description: '`direct`, or the roles assumed on the way: `assume:<role ARN> -> ...`.',
  })
  via!: string;

  @Field(() => [ID], { description: 'From the principal to the one holding the permission.' })
  path!: string[];

  @Field(() => Boolean, { description: 'Holds only if conditions Cairn cannot know hold.' })
  conditional!: boolean;

  @Field(() => GraphQLJSON, {
    description: 'The statements that decided it, and pending conditions.',
  })
  evidence!: unknown;
}

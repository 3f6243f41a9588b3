import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type.js';

@ObjectType({ description: 'A principal that can perform an action on a resource, and how.' })
export class WhoCanEntry {
  @Field(() => Entity)
  principal!: Entity;

  @Field(() => String, {
    description:
      "`direct`; the roles assumed on the way (`assume:<role ARN> -> ...`); for the Internet `anonymous` (unsigned requests) or `any-aws-account` (any signed-in AWS principal); `external` for a principal of an unloaded account the store's policy names.",
  })
  via!: string;

  @Field(() => [ID], { description: 'From the principal to the one holding the permission.' })
  path!: string[];

  @Field(() => Boolean, { description: 'Holds only if conditions Cairn cannot know hold.' })
  conditional!: boolean;

  @Field(() => GraphQLJSON, {
    description:
      'The statements that decided it, pending conditions, and the public ACL grant (`acl`) when no statement did.',
  })
  evidence!: unknown;
}

import { Field, ID, InterfaceType } from 'type-graphql';

/** Anything with a global id: the cloud's own identifier (ARN, resource id, member string). */
@InterfaceType({
  description: "Anything Cairn stores, found by the cloud's own identifier.",
  // Typed views (Principal, ...) carry their class name; everything else is an Entity.
  resolveType: (value: object) => (value.constructor.name === 'Principal' ? 'Principal' : 'Entity'),
})
export abstract class Node {
  @Field(() => ID, { description: 'An AWS ARN, an Azure resource id, a GCP member string, ...' })
  id!: string;
}

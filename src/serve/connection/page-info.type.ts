import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Relay page information: pass `endCursor` as `after` for the next page.',
})
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

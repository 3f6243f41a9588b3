import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One account, subscription, project or cluster as loaded.' })
export class Scope {
  @Field(() => String, { description: 'e.g. `aws:123456789012`.' })
  id!: string;

  @Field(() => String)
  provider!: string;

  @Field(() => String, {
    description:
      '`COMPLETE`; `APPLYING` while a load is being applied (do not trust it yet); `EMPTY`.',
  })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The load the current data comes from.' })
  currentScanId!: string | null;

  @Field(() => String, { nullable: true, description: 'A load in progress, if any.' })
  pendingScanId!: string | null;

  @Field(() => String, { nullable: true })
  loadedAt!: string | null;

  @Field(() => Int, { nullable: true })
  nodeCount!: number | null;

  @Field(() => Int, { nullable: true })
  relCount!: number | null;
}

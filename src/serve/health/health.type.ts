import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Whether the service and its database answer.' })
export class DatabaseHealth {
  @Field(() => Boolean)
  reachable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Neo4j version and edition, when reachable.',
  })
  version!: string | null;
}

@ObjectType()
export class Health {
  @Field(() => String, { description: '`ok`, or `degraded` when the database does not answer.' })
  status!: 'ok' | 'degraded';

  @Field(() => String, { description: "Cairn's version." })
  version!: string;

  @Field(() => DatabaseHealth)
  database!: DatabaseHealth;
}

import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ResultStatusValue {
  PASS = 'PASS',
  FAIL = 'FAIL',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  ERROR = 'ERROR',
}

registerEnumType(ResultStatusValue, {
  name: 'ResultStatus',
  description: 'What a rule decided about one resource; ERROR when its check could not decide.',
});

@ObjectType({ description: 'One rule evaluated on one resource, now, with what decided it.' })
export class RuleResultEntry {
  @Field(() => ID)
  resourceId!: string;

  @Field(() => String, { nullable: true })
  account!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => ResultStatusValue)
  status!: ResultStatusValue;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => GraphQLJSONObject)
  evidence!: Record<string, unknown>;
}

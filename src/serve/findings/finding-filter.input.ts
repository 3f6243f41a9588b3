import { Field, ID, InputType } from 'type-graphql';
import { FindingStatusValue, SeverityLevel } from './posture-enums.js';

@InputType({ description: 'Every field is optional; lists match any of their entries.' })
export class FindingFilter {
  @Field(() => [ID], { nullable: true })
  ruleIds?: string[];

  @Field(() => [SeverityLevel], { nullable: true })
  severities?: SeverityLevel[];

  @Field(() => [FindingStatusValue], { nullable: true })
  statuses?: FindingStatusValue[];

  @Field(() => [String], { nullable: true })
  accounts?: string[];

  @Field(() => [String], { nullable: true })
  regions?: string[];

  @Field(() => [String], { nullable: true, description: 'Graph labels, e.g. `AWSS3Bucket`.' })
  resourceTypes?: string[];

  @Field(() => [ID], { nullable: true })
  resourceIds?: string[];

  @Field(() => String, { nullable: true, description: 'Only rules mapped to this framework.' })
  framework?: string;

  @Field(() => String, { nullable: true, description: 'With `framework`: only this control.' })
  control?: string;

  @Field(() => Boolean, { nullable: true })
  onAttackPath?: boolean;
}

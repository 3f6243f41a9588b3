import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ControlStatusValue } from '../findings/posture-enums.js';

@ObjectType({ description: 'A compliance framework (rules/frameworks/<id>.yaml).' })
export class FrameworkInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  version!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => Int)
  controlCount!: number;
}

@ObjectType({ description: "One control's standing, from the rules mapped to it." })
export class ControlResult {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  section!: string | null;

  @Field(() => String, { description: '`automated` or `manual`, as the framework marks it.' })
  assessment!: string;

  @Field(() => String, { nullable: true })
  level!: string | null;

  @Field(() => ControlStatusValue)
  status!: ControlStatusValue;

  @Field(() => [ID], { description: 'The rules that decide it.' })
  ruleIds!: string[];

  @Field(() => Int, { description: 'Resources its rules passed.' })
  passed!: number;

  @Field(() => Int, { description: 'Resources failing, not suppressed.' })
  failed!: number;

  @Field(() => Int)
  suppressed!: number;

  @Field(() => Int)
  errors!: number;

  /** For the failingResources resolver. */
  frameworkId!: string;
}

@ObjectType({ description: 'A score for one account or region.' })
export class ScoreBreakdown {
  @Field(() => String, { description: 'The account id or region name.' })
  key!: string;

  @Field(() => Float, { nullable: true, description: 'Percent of decided controls passing.' })
  score!: number | null;

  @Field(() => Int, { description: 'Controls passing.' })
  passed!: number;

  @Field(() => Int, { description: 'Controls failing.' })
  failed!: number;
}

@ObjectType({ description: "The framework's score in one scan run." })
export class TrendPointResult {
  @Field(() => ID)
  runId!: string;

  @Field(() => String)
  at!: string;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Int)
  passed!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType({ description: 'Counts of controls by status.' })
export class ControlStatusCounts {
  @Field(() => Int) pass!: number;
  @Field(() => Int) fail!: number;
  @Field(() => Int) error!: number;
  @Field(() => Int) notApplicable!: number;
  @Field(() => Int) manual!: number;
  @Field(() => Int) notAssessed!: number;
}

@ObjectType({
  description: 'A compliance view: every control, the score, where it fails, and its trend.',
})
export class ComplianceResult {
  @Field(() => FrameworkInfo)
  framework!: FrameworkInfo;

  @Field(() => ID, { nullable: true, description: 'The scan run it reflects (null before any).' })
  scanRun!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent of decided (PASS or FAIL) controls that pass; suppressed failures count as accepted.',
  })
  score!: number | null;

  @Field(() => ControlStatusCounts)
  statusCounts!: ControlStatusCounts;

  @Field(() => [ControlResult])
  controls!: ControlResult[];

  @Field(() => [ScoreBreakdown])
  byAccount!: ScoreBreakdown[];

  @Field(() => [ScoreBreakdown])
  byRegion!: ScoreBreakdown[];

  @Field(() => [TrendPointResult], { description: 'Oldest first, up to the last 30 scan runs.' })
  trend!: TrendPointResult[];
}

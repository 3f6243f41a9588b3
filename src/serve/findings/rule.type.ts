import { Field, ID, ObjectType } from 'type-graphql';
import type { Rule } from '../../rules/catalog/rule-schema.js';
import { SeverityLevel } from './posture-enums.js';

@ObjectType({ description: 'How to fix what a rule finds.' })
export class Remediation {
  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true, description: 'An AWS CLI (or other cloud CLI) command.' })
  cli!: string | null;

  @Field(() => String, { nullable: true })
  terraform!: string | null;
}

@ObjectType({ description: 'A framework control a rule serves.' })
export class ControlRef {
  @Field(() => String, { description: 'e.g. `cis-aws-5.0.0`.' })
  framework!: string;

  @Field(() => String, { description: 'e.g. `1.7`.' })
  control!: string;
}

@ObjectType({ description: 'A posture rule (rules/<cloud>/<id>.yaml).' })
export class PostureRule {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  rationale!: string;

  @Field(() => SeverityLevel)
  severity!: SeverityLevel;

  @Field(() => String, { description: 'The graph label of what it judges.' })
  resourceType!: string;

  @Field(() => Remediation)
  remediation!: Remediation;

  @Field(() => [String])
  references!: string[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => [ControlRef], { description: 'Every framework control it is mapped to.' })
  controls!: ControlRef[];

  static from(rule: Rule, controls: readonly ControlRef[]): PostureRule {
    return Object.assign(new PostureRule(), {
      id: rule.id,
      title: rule.title,
      description: rule.description,
      rationale: rule.rationale,
      severity: rule.severity as SeverityLevel,
      resourceType: rule.resourceType,
      remediation: Object.assign(new Remediation(), {
        text: rule.remediation.text,
        cli: rule.remediation.cli ?? null,
        terraform: rule.remediation.terraform ?? null,
      }),
      references: [...rule.references],
      categories: [...rule.categories],
      controls: [...controls],
    });
  }
}

import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FindingWithStatus } from '../../rules/findings/query-findings.js';
import { PageInfo } from '../connection/page-info.type.js';
import { FindingStatusValue, SeverityLevel } from './posture-enums.js';

@ObjectType({ description: 'The suppression a finding falls under.' })
export class FindingSuppression {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'Who approved it.' })
  by!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When it stops applying (ISO); null: never.',
  })
  expiresAt!: string | null;

  @Field(() => Boolean, { description: 'False once it has expired: the finding is OPEN again.' })
  active!: boolean;
}

@ObjectType({ description: 'One rule failing on one resource, followed across scan runs.' })
export class Finding {
  @Field(() => ID, { description: '`<rule id>/<resource id>`.' })
  id!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field(() => ID, { description: 'The resource the rule judged.' })
  resourceId!: string;

  @Field(() => String)
  resourceType!: string;

  @Field(() => String, { nullable: true })
  account!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => FindingStatusValue)
  status!: FindingStatusValue;

  @Field(() => SeverityLevel)
  severity!: SeverityLevel;

  @Field(() => Int, {
    description: '0–100: the severity, raised when the resource lies on an attack path.',
  })
  priority!: number;

  @Field(() => Boolean, {
    description:
      'The resource lies on a way in: reached or readable from the internet (or lets such traffic through), a principal with a path to admin, or a workload running as one.',
  })
  onAttackPath!: boolean;

  @Field(() => String)
  firstSeen!: string;

  @Field(() => String, { description: 'The last scan run that saw it failing.' })
  lastSeen!: string;

  @Field(() => String, { nullable: true, description: 'When it was last resolved.' })
  resolvedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When it last came back after being resolved.',
  })
  reopenedAt!: string | null;

  @Field(() => Int)
  reopenCount!: number;

  @Field(() => ID, { description: 'The scan run that last changed or saw it.' })
  lastScanRun!: string;

  @Field(() => String, { nullable: true, description: 'One line on why it failed.' })
  message!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'The properties and related node ids that decided it.',
  })
  evidence!: Record<string, unknown>;

  @Field(() => FindingSuppression, { nullable: true })
  suppression!: FindingSuppression | null;

  static from(stored: FindingWithStatus, now: string): Finding {
    const suppression = stored.suppressionId
      ? Object.assign(new FindingSuppression(), {
          id: stored.suppressionId,
          reason: stored.suppressionReason ?? '',
          by: stored.suppressionBy ?? '',
          expiresAt: stored.suppressionExpires ?? null,
          active: stored.suppressionExpires === null || stored.suppressionExpires > now,
        })
      : null;
    return Object.assign(new Finding(), {
      id: stored.id,
      ruleId: stored.ruleId,
      resourceId: stored.resource,
      resourceType: stored.resourceType,
      account: stored.account ?? null,
      region: stored.region ?? null,
      status: stored.status as FindingStatusValue,
      severity: stored.severity as SeverityLevel,
      priority: Number(stored.priority),
      onAttackPath: stored.onAttackPath === true,
      firstSeen: stored.firstSeen,
      lastSeen: stored.lastSeen,
      resolvedAt: stored.resolvedAt ?? null,
      reopenedAt: stored.reopenedAt ?? null,
      reopenCount: Number(stored.reopenCount ?? 0),
      lastScanRun: stored.lastScanRun,
      message: stored.message ?? null,
      evidence: parseEvidence(stored.evidence),
      suppression,
    });
  }
}

@ObjectType()
export class FindingEdge {
  @Field(() => Finding)
  node!: Finding;

  @Field(() => String)
  cursor!: string;
}

@ObjectType({ description: 'A page of findings, highest priority first.' })
export class FindingConnection {
  @Field(() => Int, { description: 'Findings matching the filter, on every page.' })
  totalCount!: number;

  @Field(() => [FindingEdge])
  edges!: FindingEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

function parseEvidence(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return {};
  }
}

import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { readCompliance } from '../../rules/compliance/read-compliance.js';
import { queryFindings } from '../../rules/findings/query-findings.js';
import type { ServeContext } from '../context.js';
import { Finding } from '../findings/finding.type.js';
import type { ControlStatusValue } from '../findings/posture-enums.js';
import { servedCatalog } from '../findings/served-catalog.js';
import {
  ComplianceResult,
  ControlResult,
  ControlStatusCounts,
  FrameworkInfo,
  ScoreBreakdown,
  TrendPointResult,
} from './compliance.type.js';

@Resolver(() => ControlResult)
export class ComplianceResolver {
  @Query(() => [FrameworkInfo], { description: 'Every compliance framework that loaded.' })
  async frameworks(): Promise<FrameworkInfo[]> {
    return (await servedCatalog()).catalog.frameworks.map((f) =>
      Object.assign(new FrameworkInfo(), {
        id: f.id,
        name: f.name,
        version: f.version,
        source: f.source ?? null,
        controlCount: f.controls.length,
      }),
    );
  }

  @Query(() => ComplianceResult, {
    description:
      'A framework\'s compliance view as it stands now (e.g. framework: "cis-aws-5.0.0").',
  })
  async compliance(
    @Arg('framework', () => String) frameworkId: string,
    @Ctx() ctx: ServeContext,
  ): Promise<ComplianceResult> {
    const { catalog } = await servedCatalog();
    const report = await readCompliance(ctx.db, catalog, frameworkId, new Date().toISOString());
    const { view } = report;
    const counts = view.statusCounts;
    return Object.assign(new ComplianceResult(), {
      framework: (await this.frameworks()).find((f) => f.id === frameworkId),
      scanRun: report.runId,
      score: view.score,
      statusCounts: Object.assign(new ControlStatusCounts(), {
        pass: counts.PASS,
        fail: counts.FAIL,
        error: counts.ERROR,
        notApplicable: counts.NOT_APPLICABLE,
        manual: counts.MANUAL,
        notAssessed: counts.NOT_ASSESSED,
      }),
      controls: view.controls.map((c) =>
        Object.assign(new ControlResult(), {
          id: c.control.id,
          title: c.control.title,
          section: c.control.section ?? null,
          assessment: c.control.assessment,
          level: c.control.level ?? null,
          status: c.status as ControlStatusValue,
          ruleIds: [...c.ruleIds],
          passed: c.tally.pass,
          failed: c.tally.fail,
          suppressed: c.tally.suppressed,
          errors: c.tally.error,
          frameworkId,
        }),
      ),
      byAccount: view.byAccount.map((b) => Object.assign(new ScoreBreakdown(), b)),
      byRegion: view.byRegion.map((b) => Object.assign(new ScoreBreakdown(), b)),
      trend: report.trend.map((t) => Object.assign(new TrendPointResult(), t)),
    });
  }

  @FieldResolver(() => [Finding], {
    description: 'Its open, unsuppressed findings, highest priority first.',
  })
  async failingResources(
    @Root() control: ControlResult,
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<Finding[]> {
    if (control.ruleIds.length === 0 || control.failed === 0) return [];
    const { catalog } = await servedCatalog();
    const now = new Date().toISOString();
    const page = await queryFindings(
      ctx.db,
      catalog,
      { framework: control.frameworkId, control: control.id, statuses: ['OPEN'] },
      { first },
      now,
    );
    return page.findings.map((f) => Finding.from(f, now));
  }
}

import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BadInputError, CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { describeIssue } from '../../records/describe-issue.js';
import { queryFindings } from '../../rules/findings/query-findings.js';
import { applySuppressions } from '../../rules/suppressions/apply-suppressions.js';
import { suppressionCriteriaSchema } from '../../rules/suppressions/suppression.js';
import {
  createSuppression,
  deleteSuppression,
  readSuppressions,
} from '../../rules/suppressions/suppression-store.js';
import type { ServeContext } from '../context.js';
import { PageInfo } from '../connection/page-info.type.js';
import { FindingFilter } from './finding-filter.input.js';
import { Finding, FindingConnection, FindingEdge } from './finding.type.js';
import { PostureRule } from './rule.type.js';
import { servedCatalog } from './served-catalog.js';
import { SuppressInput, SuppressionRecord } from './suppression.type.js';
import { encodeCursor } from '../../rules/findings/query-findings.js';

@Resolver()
export class FindingsResolver {
  @Query(() => FindingConnection, {
    description: 'Posture findings, highest priority first (attack-path findings rank higher).',
  })
  async findings(
    @Ctx() ctx: ServeContext,
    @Arg('filter', () => FindingFilter, { nullable: true }) filter?: FindingFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<FindingConnection> {
    const { catalog } = await servedCatalog();
    const now = new Date().toISOString();
    const { resourceIds, ...rest } = filter ?? {};
    const page = await queryFindings(
      ctx.db,
      catalog,
      { ...rest, ...(resourceIds ? { resources: resourceIds } : {}) },
      { first, after: after ?? null },
      now,
    );
    return Object.assign(new FindingConnection(), {
      totalCount: page.totalCount,
      edges: page.findings.map((stored) =>
        Object.assign(new FindingEdge(), {
          node: Finding.from(stored, now),
          cursor: encodeCursor(stored.priority, stored.id),
        }),
      ),
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        endCursor: page.endCursor,
      }),
    });
  }

  @Query(() => [PostureRule], { description: 'Every posture rule that loaded.' })
  async rules(): Promise<PostureRule[]> {
    return [...(await servedCatalog()).rules.values()];
  }

  @Query(() => [SuppressionRecord], { description: 'Every suppression, expired ones included.' })
  async suppressions(@Ctx() ctx: ServeContext): Promise<SuppressionRecord[]> {
    return (await readSuppressions(ctx.db)).map((s) => SuppressionRecord.from(s));
  }

  @Mutation(() => SuppressionRecord, {
    description: 'Accepts findings as risk, with a reason, who approved it and an optional expiry.',
  })
  async suppress(
    @Arg('input', () => SuppressInput) input: SuppressInput,
    @Ctx() ctx: ServeContext,
  ): Promise<SuppressionRecord> {
    const { findingId, expiresAt, ...criteria } = input;
    const target = findingId ? splitFindingId(findingId) : undefined;
    const parsed = suppressionCriteriaSchema.safeParse({
      ...criteria,
      ...(target ? { rules: [target.ruleId], resources: [target.resource] } : {}),
      ...(expiresAt ? { expires: expiresAt } : {}),
    });
    if (!parsed.success) {
      throw new BadInputError(`suppress: ${describeIssue(parsed.error.issues[0]!)}`);
    }
    const now = new Date().toISOString();
    if (parsed.data.expires !== undefined && parsed.data.expires <= now) {
      throw new BadInputError(`suppress: expiresAt ${parsed.data.expires} has already passed`);
    }
    const created = await createSuppression(ctx.db, parsed.data, now);
    await applySuppressions(ctx.db, now);
    return SuppressionRecord.from(created);
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a suppression made through the API; its findings are OPEN again. File suppressions change with the file.',
  })
  async unsuppress(@Arg('id', () => ID) id: string, @Ctx() ctx: ServeContext): Promise<boolean> {
    const outcome = await deleteSuppression(ctx.db, id);
    if (outcome === 'missing') throw new CairnError(ErrorCode.NOT_FOUND, `no suppression ${id}`);
    if (outcome === 'from-file') {
      throw new BadInputError(
        `suppression ${id} comes from the reviewed suppressions file: change the file and run cairn analyze --suppressions`,
      );
    }
    await applySuppressions(ctx.db, new Date().toISOString());
    return true;
  }
}

function splitFindingId(id: string): { ruleId: string; resource: string } {
  const at = id.indexOf('/');
  if (at <= 0 || at === id.length - 1) {
    throw new BadInputError(`findingId: "${id.slice(0, 200)}" is not <rule id>/<resource id>`);
  }
  return { ruleId: id.slice(0, at), resource: id.slice(at + 1) };
}

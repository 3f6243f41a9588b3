import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { BadInputError, CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { runRule } from '../../rules/run/run-rule.js';
import type { ServeContext } from '../context.js';
import { ResultStatusValue, RuleResultEntry } from './rule-result.type.js';
import { servedCatalog } from './served-catalog.js';

const MAX_RESULTS = 1_000;

@Resolver()
export class RuleResultsResolver {
  @Query(() => [RuleResultEntry], {
    description:
      'Runs one rule now and returns its result for each resource it judges (PASS, FAIL, NOT_APPLICABLE or ERROR) with the evidence; findings keep only failures across runs.',
  })
  async ruleResults(
    @Arg('rule', () => ID) ruleId: string,
    @Ctx() ctx: ServeContext,
    @Arg('resourceIds', () => [ID], { nullable: true }) resourceIds?: string[],
    @Arg('statuses', () => [ResultStatusValue], { nullable: true })
    statuses?: ResultStatusValue[],
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<RuleResultEntry[]> {
    if (first < 0 || first > MAX_RESULTS) {
      throw new BadInputError(`first must be between 0 and ${MAX_RESULTS}`);
    }
    const rule = (await servedCatalog()).catalog.rules.find((r) => r.id === ruleId);
    if (!rule) throw new CairnError(ErrorCode.NOT_FOUND, `no rule ${ruleId}`);
    const run = await runRule(ctx.db, rule, new Date().toISOString());
    if (run.error) throw new CairnError(ErrorCode.INTERNAL, `rule ${ruleId} could not run`);
    const wanted = resourceIds ? new Set(resourceIds) : undefined;
    const statusSet = statuses ? new Set<string>(statuses) : undefined;
    return run.results
      .filter((r) => (!wanted || wanted.has(r.resource)) && (!statusSet || statusSet.has(r.status)))
      .sort((a, b) => a.resource.localeCompare(b.resource))
      .slice(0, first)
      .map((r) =>
        Object.assign(new RuleResultEntry(), {
          resourceId: r.resource,
          account: r.account,
          region: r.region,
          status: r.status as ResultStatusValue,
          message: r.message,
          evidence: { ...r.evidence },
        }),
      );
  }
}

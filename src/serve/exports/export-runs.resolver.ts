import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../errors/cairn-error.js';
import {
  MAX_RUNS_LISTED,
  readExportRuns,
  type ExportRun,
} from '../../schedule/export-run-store.js';
import type { ServeContext } from '../context.js';

@ObjectType({ description: 'One run of a scheduled export: failed runs stay on record.' })
export class ExportRunRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  schedule!: string;

  @Field(() => String)
  startedAt!: string;

  @Field(() => String, { nullable: true })
  finishedAt!: string | null;

  @Field(() => String, { description: 'RUNNING, SUCCEEDED, FAILED or SKIPPED.' })
  status!: string;

  @Field(() => Int, { description: 'Attempts made, retries included.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed, one line, no secrets.' })
  error!: string | null;

  @Field(() => [String], { description: '`file:<path>`, `webhook:<URL without query>`.' })
  destinations!: string[];
}

@Resolver()
export class ExportRunsResolver {
  @Query(() => [ExportRunRecord], {
    description: 'Runs of the scheduled exports (cairn serve --config), newest first.',
  })
  async exportRuns(
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('schedule', () => String, { nullable: true }) schedule?: string,
  ): Promise<ExportRunRecord[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_RUNS_LISTED) {
      throw new BadInputError(`first must be between 0 and ${MAX_RUNS_LISTED}`);
    }
    const runs: ExportRun[] = await readExportRuns(ctx.db, {
      limit: first,
      ...(schedule ? { schedule } : {}),
    });
    return runs.map((run) =>
      Object.assign(new ExportRunRecord(), { ...run, destinations: [...run.destinations] }),
    );
  }
}

import neo4j from 'neo4j-driver';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { ServeContext } from '../context.js';

@ObjectType({ description: 'One cairn analyze: its rules, scores and attack paths.' })
export class ScanRun {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  startedAt!: string;

  @Field(() => Int, { description: 'Rules that ran.' })
  rules!: number;

  @Field(() => GraphQLJSON, { description: 'Each framework id to its score (0–100).' })
  compliance!: unknown;

  @Field(() => Int, {
    nullable: true,
    description: 'Attack paths stored (null once the run is older than the last two).',
  })
  attackPaths!: number | null;

  @Field(() => Int, { nullable: true })
  attackPathGroups!: number | null;
}

interface Row {
  id: string;
  startedAt: string;
  rules: number | null;
  compliance: string | null;
  attackPaths: number | null;
  attackPathGroups: number | null;
}

@Resolver()
export class ScanRunsResolver {
  @Query(() => [ScanRun], { description: 'The latest analyses, newest first.' })
  async scanRuns(
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<ScanRun[]> {
    if (!Number.isInteger(first) || first < 0 || first > 500)
      throw new BadInputError('first must be between 0 and 500');
    const rows = await readNamed<Row>(ctx.db, 'serve/scan-runs', { limit: neo4j.int(first) });
    return rows.map((row) =>
      Object.assign(new ScanRun(), {
        ...row,
        rules: row.rules ?? 0,
        compliance: parseJson(row.compliance),
      }),
    );
  }
}

function parseJson(text: string | null): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return {};
  }
}

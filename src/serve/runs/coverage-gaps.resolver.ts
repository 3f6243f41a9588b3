import neo4j from 'neo4j-driver';
import { Arg, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { ServeContext } from '../context.js';
import { PageInfo } from '../connection/page-info.type.js';

@ObjectType({ description: 'A call a scan could not make: what the graph may be missing.' })
export class CoverageGapRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  scope!: string;

  @Field(() => String)
  cloud!: string;

  @Field(() => String)
  service!: string;

  @Field(() => String)
  operation!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String)
  errorCode!: string;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType()
export class CoverageGapEdge {
  @Field(() => CoverageGapRecord)
  node!: CoverageGapRecord;

  @Field(() => String)
  cursor!: string;
}

@ObjectType()
export class CoverageGapConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [CoverageGapEdge])
  edges!: CoverageGapEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class CoverageGapFilter {
  @Field(() => String, { nullable: true, description: 'e.g. `aws:123456789012/eu-west-1/ec2`.' })
  scope?: string;

  @Field(() => String, { nullable: true })
  service?: string;

  @Field(() => String, { nullable: true, description: 'e.g. `AccessDenied`.' })
  errorCode?: string;
}

@Resolver()
export class CoverageGapsResolver {
  @Query(() => CoverageGapConnection, {
    description: 'What scans could not read, by id: a missing path is not a safe one.',
  })
  async coverageGaps(
    @Ctx() ctx: ServeContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => CoverageGapFilter, { nullable: true }) filter?: CoverageGapFilter,
  ): Promise<CoverageGapConnection> {
    if (!Number.isInteger(first) || first < 0 || first > 1000)
      throw new BadInputError('first must be between 0 and 1000');
    const params = {
      scope: filter?.scope ?? null,
      service: filter?.service ?? null,
      errorCode: filter?.errorCode ?? null,
    };
    const afterId = after ? Buffer.from(after, 'base64url').toString('utf8') : null;
    const rows = await readNamed<{ gap: CoverageGapRecord }>(ctx.db, 'serve/coverage-gaps', {
      ...params,
      afterId,
      limit: neo4j.int(first + 1),
    });
    const [count] = await readNamed<{ totalCount: number }>(
      ctx.db,
      'serve/count-coverage-gaps',
      params,
    );
    const edges = rows.slice(0, first).map(({ gap }) =>
      Object.assign(new CoverageGapEdge(), {
        node: Object.assign(new CoverageGapRecord(), {
          ...gap,
          region: gap.region ?? null,
          message: gap.message ?? null,
        }),
        cursor: Buffer.from(gap.id).toString('base64url'),
      }),
    );
    return Object.assign(new CoverageGapConnection(), {
      totalCount: count?.totalCount ?? 0,
      edges,
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: rows.length > first,
        endCursor: edges.at(-1)?.cursor ?? null,
      }),
    });
  }
}

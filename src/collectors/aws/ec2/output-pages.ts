import { CairnError } from '../../../errors/cairn-error.js';
import { ErrorCode } from '../../../errors/error-code.js';
import { awsCall } from '../aws-call.js';
import { forEachLimited } from '../accounts/for-each-limited.js';
import { plainOutput } from '../resources/resource-output.js';
import type { AwsScanContext, Gap } from '../scan-context.js';

/*
 * How the EC2/ELB collector reads: each answer kept as one page, in the form `aws ... --output
 * json` prints it, so that `ec2OutputsToRecords` reads live scans and `cairn import aws-ec2`
 * directories alike.
 */

export interface CallSite {
  /** The IAM service prefix: the rate-limit key and the gap's service. */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
}

/** One paginated list of one API. */
export interface PagedList<Page extends object> {
  readonly where: CallSite;
  /** The list each page holds; kept as `[]` when the SDK leaves it out (the CLI prints it). */
  readonly list: string;
  send(token: string | undefined): Promise<Page>;
  nextToken(page: Page): string | undefined;
  /** Error names meaning "it is gone" (deleted between two calls): no gap, no pages. */
  readonly absentOn?: readonly string[];
}

/** An SDK answer without `$metadata`, dates as ISO strings, its list present even when empty. */
export function cliPage(answer: object, list: string): Record<string, unknown> {
  return { [list]: [], ...(plainOutput(answer) as Record<string, unknown>) };
}

/**
 * `awsCall`, also saying whether the call was refused (its gap is then in `ctx.gaps`), since
 * "refused" and "absent" both come back as `undefined`.
 */
export async function callOrRefusal<T>(
  ctx: AwsScanContext,
  where: CallSite,
  send: () => Promise<T>,
  absentOn: readonly string[] = [],
): Promise<{ readonly answer: T | undefined; readonly refused: boolean }> {
  const gaps: Gap[] = [];
  const answer = await awsCall({ ...ctx, gaps }, where, send, absentOn);
  ctx.gaps.push(...gaps);
  return { answer, refused: gaps.length > 0 };
}

/**
 * Every page of one list, each kept as one entry. Undefined when a page was refused: a partial
 * list would pass for a complete one. Absent (see `absentOn`): the pages read so far.
 */
export async function collectPages<Page extends object>(
  ctx: AwsScanContext,
  paged: PagedList<Page>,
): Promise<unknown[] | undefined> {
  const pages: unknown[] = [];
  const tokens = new Set<string>();
  let token: string | undefined;
  do {
    const current = token;
    const { answer, refused } = await callOrRefusal(
      ctx,
      paged.where,
      () => paged.send(current),
      paged.absentOn,
    );
    if (refused) return undefined;
    if (!answer) return pages;
    pages.push(cliPage(answer, paged.list));
    token = paged.nextToken(answer) || undefined;
    if (token !== undefined && tokens.has(token)) {
      // An endpoint that hands out the same token again would keep the scan paging forever.
      throw new CairnError(
        ErrorCode.CLOUD_API,
        `AWS ${paged.where.service}:${paged.where.operation} in ${paged.where.region} returned the same page token twice`,
      );
    }
    if (token !== undefined) tokens.add(token);
  } while (token);
  return pages;
}

/**
 * One read per item (a snapshot, a load balancer...), `limit` at a time, each giving its pages.
 * Undefined when any read was refused — the output would silently miss those items — and then
 * no further read is started. A refusal repeated by several items is one gap.
 */
export async function collectEach(
  ctx: AwsScanContext,
  items: readonly string[],
  limit: number,
  read: (item: string, ctx: AwsScanContext) => Promise<unknown[] | undefined>,
): Promise<unknown[] | undefined> {
  const byItem = new Map<string, unknown[]>();
  const gaps = new Map<string, Gap>();
  let refused = false;
  await forEachLimited(items, limit, async (item) => {
    if (refused) return;
    const itemGaps: Gap[] = [];
    const pages = await read(item, { ...ctx, gaps: itemGaps });
    for (const gap of itemGaps) {
      gaps.set(`${gap.service}:${gap.operation}@${gap.region ?? ''}:${gap.errorCode}`, gap);
    }
    if (pages === undefined) refused = true;
    else byItem.set(item, pages);
  });
  ctx.gaps.push(...gaps.values());
  if (refused) return undefined;
  // In the order the items were listed, whatever order the reads finished in.
  return items.flatMap((item) => byItem.get(item) ?? []);
}

/** The string `field` of every entry of `list` in each page, e.g. each snapshot's SnapshotId. */
export function fieldOfEach(pages: readonly unknown[], list: string, field: string): string[] {
  const values: string[] = [];
  for (const page of pages) {
    const entries = (page as Record<string, unknown>)[list];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as unknown[]) {
      const value =
        typeof entry === 'object' && entry !== null
          ? (entry as Record<string, unknown>)[field]
          : undefined;
      if (typeof value === 'string' && value.length > 0) values.push(value);
    }
  }
  return [...new Set(values)];
}

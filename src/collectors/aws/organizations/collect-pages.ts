import { awsCall } from '../aws-call.js';
import type { AwsScanContext } from '../scan-context.js';

/**
 * Every page of one paginated Organizations list, each page through `awsCall`, merged the way the
 * AWS CLI merges them. Undefined when a page is refused (the gap is then recorded) or absent.
 */
export async function collectPages<Page extends { NextToken?: string | undefined }, Item>(
  ctx: AwsScanContext,
  operation: string,
  send: (nextToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
  absentOn: readonly string[] = [],
): Promise<Item[] | undefined> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    const next = token;
    const page = await awsCall(
      ctx,
      { service: 'organizations', operation },
      () => send(next),
      absentOn,
    );
    if (!page) return undefined;
    items.push(...(itemsOf(page) ?? []));
    token = page.NextToken;
  } while (token);
  return items;
}

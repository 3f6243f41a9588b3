import type { AwsScanContext } from '../scan-context.js';

/** What a scan reports as it goes: one stage is one service of one account. */
export type ScanProgressEvent =
  | {
      readonly kind: 'stage';
      readonly account: string;
      readonly service: string;
      /** Successful calls so far (each page of a list is a call). */
      readonly pages: number;
      /** Entries in the lists answered so far. */
      readonly items: number;
    }
  | {
      readonly kind: 'stage-done';
      readonly account: string;
      readonly service: string;
      readonly pages: number;
      readonly items: number;
      /** Calls recorded as coverage gaps in this stage. */
      readonly gaps: number;
    };

export type ScanProgressListener = (event: ScanProgressEvent) => void;

/**
 * Runs one stage with a context that counts its calls for `listener`. Gaps go to `ctx.gaps`
 * as before; those added while the stage ran are counted in its `stage-done` event.
 */
export async function inStage<T>(
  ctx: AwsScanContext,
  service: string,
  listener: ScanProgressListener | undefined,
  body: (ctx: AwsScanContext) => Promise<T>,
): Promise<T> {
  const { account } = ctx;
  const gapsBefore = ctx.gaps.length;
  let pages = 0;
  let items = 0;
  listener?.({ kind: 'stage', account, service, pages, items });
  const result = await body({
    ...ctx,
    onCall: (call) => {
      pages += 1;
      items += call.items;
      listener?.({ kind: 'stage', account, service, pages, items });
    },
  });
  const gaps = ctx.gaps.length - gapsBefore;
  listener?.({ kind: 'stage-done', account, service, pages, items, gaps });
  return result;
}

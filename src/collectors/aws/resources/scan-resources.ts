import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { BadInputError } from '../../../errors/cairn-error.js';
import { quoteInput } from '../../../records/describe-issue.js';
import { forEachLimited } from '../accounts/for-each-limited.js';
import { inStage, type ScanProgressListener } from '../accounts/scan-stage.js';
import { awsCall } from '../aws-call.js';
import { withGaps, type AwsScanContext, type AwsScopeScan, type Gap } from '../scan-context.js';
import type { AwsClientConfig, ResourceCollector } from './resource-collector.js';
import { resourceCollectors } from './resource-collectors.js';
import {
  checkResourceScanOptions,
  REGION_NAME,
  selectCollectors,
  type ResourceScanOptions,
} from './resource-scan-options.js';
import { GLOBAL_REGION } from './resource-scope.js';

/** One account, as its resources are scanned. */
export interface AccountResources {
  /** The account's context; `ctx.region` is the scan's region (DescribeRegions, global services). */
  readonly ctx: AwsScanContext;
  /** The account's client settings (assumed-role credentials for a member account). */
  readonly clientConfig: AwsClientConfig;
  /** Lets tests add middleware to each client. */
  readonly configureClient?: (client: object) => void;
  readonly onProgress?: ScanProgressListener;
  /**
   * When given, a service that fails in one region (an outage, an answer that cannot be read) is
   * recorded here and skipped — its scope keeps its previous state — while the others go on.
   */
  readonly failures?: ScanFailure[];
}

/** A service of one account and region whose collection failed (not a denial: those are gaps). */
export interface ScanFailure {
  readonly account: string;
  readonly service: string;
  readonly region: string;
  readonly message: string;
}

interface Collection {
  readonly index: number;
  readonly collector: ResourceCollector;
  readonly region: string;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Every selected resource collector of one account: regional ones in each region (the options'
 * list, else the regions enabled in the account), global ones once. One scope per service and
 * region, in that order, each with its own gaps. When the regions cannot be listed, the scan's
 * own region is collected and the refusal is a gap of its scopes.
 */
export async function scanResources(
  account: AccountResources,
  options: ResourceScanOptions = {},
  collectors: readonly ResourceCollector[] = resourceCollectors,
): Promise<AwsScopeScan[]> {
  checkResourceScanOptions(options, collectors);
  const selected = selectCollectors(collectors, options.services);
  const scanRegion = account.ctx.region;
  const regionGaps: Gap[] = [];
  const regional = selected.filter((collector) => !collector.global);
  const regions =
    regional.length === 0
      ? []
      : options.regions
        ? [...new Set(options.regions)]
        : await enabledRegions(account, regionGaps);

  const collections: Collection[] = [
    ...selected
      .filter((collector) => collector.global)
      .map((collector) => ({ collector, region: scanRegion })),
    ...regions.flatMap((region) => regional.map((collector) => ({ collector, region }))),
  ].map((collection, index) => ({ ...collection, index }));

  const scans = new Map<number, AwsScopeScan>();
  await forEachLimited(
    collections,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async ({ index, collector, region }) => {
      const ctx: AwsScanContext = {
        ...account.ctx,
        region,
        log: account.ctx.log.child({ region, service: collector.service }),
        gaps: [],
      };
      const stage = `${collector.service}/${collector.global ? GLOBAL_REGION : region}`;
      let records;
      try {
        records = await inStage(ctx, stage, account.onProgress, (staged) =>
          collector.collect({
            ctx: staged,
            clientConfig: { ...account.clientConfig, region },
            ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
            ...(account.configureClient ? { configureClient: account.configureClient } : {}),
          }),
        );
      } catch (error) {
        if (!account.failures) throw error;
        const message = error instanceof Error ? error.message : String(error);
        account.failures.push({
          account: ctx.account,
          service: collector.service,
          region: collector.global ? GLOBAL_REGION : region,
          message,
        });
        ctx.log.error({ error: message }, 'collection failed; the scope keeps its previous state');
        return;
      }
      // Which regions exist is unknown: said by every scope of the region collected instead.
      const unlisted = !collector.global && region === scanRegion ? regionGaps : [];
      scans.set(index, withGaps(records, [...ctx.gaps, ...unlisted]));
    },
  );
  return collections.flatMap(({ index }) => {
    const scan = scans.get(index);
    return scan ? [scan] : [];
  });
}

/** The regions enabled in the account, sorted; the scan's region alone when refused. */
async function enabledRegions(account: AccountResources, gaps: Gap[]): Promise<string[]> {
  const ctx: AwsScanContext = { ...account.ctx, gaps };
  const client = new EC2Client({ ...account.clientConfig });
  account.configureClient?.(client);
  try {
    const answer = await inStage(ctx, 'ec2/regions', account.onProgress, (staged) =>
      awsCall(staged, { service: 'ec2', operation: 'DescribeRegions', region: ctx.region }, () =>
        client.send(new DescribeRegionsCommand({})),
      ),
    );
    if (!answer) {
      ctx.log.warn({ region: ctx.region }, 'the regions cannot be listed; scanning this one only');
      return [ctx.region];
    }
    const names = new Set<string>();
    for (const region of answer.Regions ?? []) {
      // Without AllRegions AWS lists the enabled ones; the status is checked all the same.
      if (region.OptInStatus === 'not-opted-in' || region.RegionName === undefined) continue;
      if (region.RegionName.length > 32 || !REGION_NAME.test(region.RegionName)) {
        // The name becomes an endpoint's host name and a scope id: never use it unchecked.
        throw new BadInputError(
          `AWS EC2 DescribeRegions in ${ctx.region} (account ${ctx.account}): ${quoteInput(region.RegionName, 40)} is not a region name`,
        );
      }
      names.add(region.RegionName);
    }
    return names.size > 0 ? [...names].sort() : [ctx.region];
  } finally {
    client.destroy();
  }
}

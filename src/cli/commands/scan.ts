import { Command } from 'commander';
import { resourceCollectors } from '../../collectors/aws/resources/resource-collectors.js';
import {
  checkRegionNames,
  selectCollectors,
  type ResourceScanOptions,
} from '../../collectors/aws/resources/resource-scan-options.js';
import { scanAws, type AwsScanResult } from '../../collectors/aws/scan-aws.js';
import { prepareSnapshotDir, writeSnapshot } from '../../collectors/snapshot/write-snapshot.js';
import { openGraph } from '../../db/open-graph.js';
import { asCairnError, CairnError, UsageError } from '../../errors/cairn-error.js';
import { loadScope } from '../../load/load-scope.js';
import { scopeKey } from '../../records/scope-ref.js';
import { ErrorCode } from '../../errors/error-code.js';
import { runAction } from '../run-action.js';
import { scanProgress } from '../scan-progress.js';
import { terminalProgress } from '../terminal-progress.js';

const CLOUDS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;

interface ScanOptions {
  region?: string;
  assumeRole?: string;
  externalId?: string;
  regions?: string;
  services?: string;
  out?: string;
}

/** Live, read-only collection with the ambient credentials of each cloud's SDK. */
export function scanCommand(): Command {
  return new Command('scan')
    .description('collect live from a cloud with the ambient credentials of its SDK (read-only)')
    .argument('<cloud>', CLOUDS.join(' | '))
    .option(
      '--region <region>',
      'AWS: region for regional calls (default: AWS_REGION or us-east-1)',
    )
    .option(
      '--assume-role <role-name>',
      "AWS: also collect the organization's other active accounts, assuming this role in each",
    )
    .option(
      '--external-id <value>',
      'AWS: external id the role requires (better: CAIRN_AWS_EXTERNAL_ID, which ps does not show)',
    )
    .option(
      '--regions <list>',
      'AWS: collect resources in these regions only, comma-separated (default: every enabled region)',
    )
    .option(
      '--services <list>',
      `AWS: collect these resource services only, comma-separated (${resourceCollectors.map((c) => c.service).join(', ')})`,
    )
    .option(
      '--out <dir>',
      'also write every scope collected as a Cairn snapshot file in this directory (created if needed)',
    )
    .action(
      runAction(async (cloud: string, options: ScanOptions) => {
        if (cloud !== 'aws') {
          if (!(CLOUDS as readonly string[]).includes(cloud)) {
            throw new UsageError(`unknown cloud "${cloud}"; expected one of ${CLOUDS.join(', ')}`);
          }
          throw new UsageError(`live collection from ${cloud} is not available in this version`);
        }
        if (options.externalId !== undefined && !options.assumeRole) {
          throw new UsageError('--external-id is only used with --assume-role');
        }
        const externalId =
          options.externalId ?? (process.env['CAIRN_AWS_EXTERNAL_ID'] || undefined);
        const resources = resourceOptions(options);
        // Before the scan, so that a bad path does not cost a whole scan.
        if (options.out !== undefined) await prepareSnapshotDir(options.out);
        const progress = scanProgress('aws');
        let result: AwsScanResult;
        try {
          result = await scanAws({
            ...(options.region ? { region: options.region } : {}),
            ...(options.assumeRole
              ? {
                  assumeRole: {
                    roleName: options.assumeRole,
                    ...(externalId ? { externalId } : {}),
                  },
                }
              : {}),
            resources,
            onProgress: progress.onProgress,
          });
        } finally {
          progress.finish();
        }
        if (options.out !== undefined) await writeSnapshots(options.out, result);
        await loadScopes(result);
      }),
    );
}

/** `--regions` and `--services`, checked before anything is called. */
function resourceOptions(options: ScanOptions): ResourceScanOptions {
  const regions = commaList(options.regions, '--regions');
  if (regions) checkRegionNames(regions, '--regions');
  const services = commaList(options.services, '--services');
  if (services) selectCollectors(resourceCollectors, services, '--services');
  return { ...(regions ? { regions } : {}), ...(services ? { services } : {}) };
}

function commaList(value: string | undefined, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = [
    ...new Set(
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) throw new UsageError(`${option}: expected a comma-separated list`);
  return items;
}

/** Every scope as a snapshot file (before loading: the files stay even if a load fails). */
async function writeSnapshots(dir: string, result: AwsScanResult): Promise<void> {
  for (const { records } of result.scopes) {
    const file = await writeSnapshot(dir, records);
    process.stdout.write(`${scopeKey(records.scope)}: wrote ${file}\n`);
  }
}

/**
 * Loads each scope on its own, so that one busy or failing scope does not lose the others' data;
 * prints a line per scope loaded and one per coverage gap.
 */
async function loadScopes(result: AwsScanResult): Promise<void> {
  const single = result.scopes.length === 1;
  const failed: { scope: string; error: CairnError }[] = [];
  const db = await openGraph();
  try {
    for (const { records } of result.scopes) {
      const scope = scopeKey(records.scope);
      try {
        const loaded = await loadScope(db, records, {
          source: 'scan aws',
          onProgress: terminalProgress(scope),
        });
        process.stdout.write(
          `${scope}: loaded ${loaded.nodes} nodes and ${loaded.relationships} relationships as ${loaded.scanId}\n`,
        );
      } catch (error) {
        if (single) throw error;
        failed.push({ scope, error: asCairnError(error) });
      }
    }
  } finally {
    await db.close();
  }
  for (const { records, gaps } of result.scopes) {
    const where = single ? '' : ` in ${scopeKey(records.scope)}`;
    for (const gap of gaps) {
      process.stderr.write(
        `cairn: coverage gap${where}: ${gap.service}:${gap.operation} ${gap.errorCode}\n`,
      );
    }
  }
  for (const f of result.failures) {
    process.stderr.write(
      `cairn: not collected: ${f.service} in ${f.region} of ${f.account} (kept as it was): ${f.message}\n`,
    );
  }
  const first = failed[0];
  if (!first && result.failures.length > 0) {
    throw new CairnError(
      ErrorCode.CLOUD_API,
      `${result.failures.length} service scans failed (listed above); everything else was loaded`,
    );
  }
  if (first) {
    throw new CairnError(
      first.error.code,
      `${failed.length} of ${result.scopes.length} scopes could not be loaded: ${failed
        .map(({ scope, error }) => `${scope} (${error.message})`)
        .join('; ')}`,
      { cause: first.error },
    );
  }
}

import { Command } from 'commander';
import { scanAws, type AwsScanResult } from '../../collectors/aws/scan-aws.js';
import { openGraph } from '../../db/open-graph.js';
import { asCairnError, CairnError, UsageError } from '../../errors/cairn-error.js';
import { loadScope } from '../../load/load-scope.js';
import { scopeKey } from '../../records/scope-ref.js';
import { runAction } from '../run-action.js';
import { scanProgress } from '../scan-progress.js';
import { terminalProgress } from '../terminal-progress.js';

const CLOUDS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;

interface ScanOptions {
  region?: string;
  assumeRole?: string;
  externalId?: string;
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
            onProgress: progress.onProgress,
          });
        } finally {
          progress.finish();
        }
        await loadScopes(result);
      }),
    );
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
  const first = failed[0];
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

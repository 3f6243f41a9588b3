import { Command } from 'commander';
import { scanAws } from '../../collectors/aws/scan-aws.js';
import { openGraph } from '../../db/open-graph.js';
import { UsageError } from '../../errors/cairn-error.js';
import { loadScope } from '../../load/load-scope.js';
import { scopeKey } from '../../records/scope-ref.js';
import { runAction } from '../run-action.js';
import { terminalProgress } from '../terminal-progress.js';

const CLOUDS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;

/** Live, read-only collection with the ambient credentials of each cloud's SDK. */
export function scanCommand(): Command {
  return new Command('scan')
    .description('collect live from a cloud with the ambient credentials of its SDK (read-only)')
    .argument('<cloud>', CLOUDS.join(' | '))
    .option(
      '--region <region>',
      'AWS: region for regional calls (default: AWS_REGION or us-east-1)',
    )
    .action(
      runAction(async (cloud: string, options: { region?: string }) => {
        if (cloud !== 'aws') {
          if (!(CLOUDS as readonly string[]).includes(cloud)) {
            throw new UsageError(`unknown cloud "${cloud}"; expected one of ${CLOUDS.join(', ')}`);
          }
          throw new UsageError(`live collection from ${cloud} is not available in this version`);
        }
        const { records, gaps } = await scanAws(options.region ? { region: options.region } : {});
        const db = await openGraph();
        try {
          const scope = scopeKey(records.scope);
          const result = await loadScope(db, records, {
            source: 'scan aws',
            onProgress: terminalProgress(scope),
          });
          process.stdout.write(
            `${scope}: loaded ${result.nodes} nodes and ${result.relationships} relationships as ${result.scanId}\n`,
          );
          for (const gap of gaps) {
            process.stderr.write(
              `cairn: coverage gap: ${gap.service}:${gap.operation} ${gap.errorCode}\n`,
            );
          }
        } finally {
          await db.close();
        }
      }),
    );
}

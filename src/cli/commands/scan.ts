import { Command } from 'commander';
import { UsageError } from '../../errors/cairn-error.js';
import { runAction } from '../run-action.js';

const CLOUDS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;

/** Live collection with the ambient credentials of each cloud's SDK. */
export function scanCommand(): Command {
  return new Command('scan')
    .description('collect live from a cloud with the ambient credentials of its SDK (read-only)')
    .argument('<cloud>', CLOUDS.join(' | '))
    .action(
      runAction(async (cloud: string) => {
        if (!(CLOUDS as readonly string[]).includes(cloud)) {
          throw new UsageError(`unknown cloud "${cloud}"; expected one of ${CLOUDS.join(', ')}`);
        }
        await Promise.resolve();
        throw new UsageError(`live collection from ${cloud} is not available in this version`);
      }),
    );
}

import { Command } from 'commander';
import { readdir } from 'node:fs/promises';
import { prepareSnapshotDir, writeSnapshot } from '../../collectors/snapshot/write-snapshot.js';
import { UsageError } from '../../errors/cairn-error.js';
import { countResources, syntheticEstate } from '../../seed/synthetic-estate.js';
import { runAction } from '../run-action.js';

/** Past this the records no longer fit comfortably in one process's memory. */
const MAX_SCALE = 2_000_000;

interface GenerateOptions {
  scale: string;
  out: string;
  seed: string;
}

/** `cairn seed generate`: synthetic estates of any size, as snapshot files, for benchmarks. */
export function seedCommand(): Command {
  const seed = new Command('seed').description('example and synthetic estates');
  seed
    .command('generate')
    .description(
      'write a synthetic multi-account AWS estate of about <n> resources as Cairn snapshot files',
    )
    .requiredOption('--scale <n>', 'about how many resources (1000 to 2000000)')
    .requiredOption('--out <dir>', 'an empty (or new) directory for the snapshot files')
    .option('--seed <k>', 'the random seed: the same seed and scale give the same estate', '7')
    .action(
      runAction(async (options: GenerateOptions) => {
        const scale = wholeNumber(options.scale, '--scale', 1_000, MAX_SCALE);
        const randomSeed = wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
        await prepareSnapshotDir(options.out);
        // Files of an earlier estate would be imported along with this one.
        if ((await readdir(options.out)).length > 0) {
          throw new UsageError(`--out ${options.out}: not empty; give a new or empty directory`);
        }
        const scopes = syntheticEstate(scale, randomSeed);
        for (const scope of scopes) await writeSnapshot(options.out, scope);
        process.stdout.write(
          `wrote ${scopes.length} scopes (${countResources(scopes)} resources) to ${options.out}; load them with: cairn import snapshot ${options.out}\n`,
        );
      }),
    );
  return seed;
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `${flag} must be a whole number from ${min} to ${max}, not "${text.slice(0, 40)}"`,
    );
  }
  return value;
}

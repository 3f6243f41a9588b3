import { Command } from 'commander';
import { openDatabase } from '../../db/connection.js';
import { resetGraph } from '../../db/reset-graph.js';
import { UsageError } from '../../errors/cairn-error.js';
import { runAction } from '../run-action.js';

export function resetCommand(): Command {
  return new Command('reset')
    .description('delete everything Cairn stored in the configured database (other data is kept)')
    .option('--yes', 'confirm the deletion')
    .action(
      runAction(async (options: { yes?: boolean }) => {
        if (!options.yes)
          throw new UsageError('reset deletes all Cairn data; add --yes to confirm');
        const db = await openDatabase();
        try {
          const deleted = await resetGraph(db);
          const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
          process.stdout.write(`deleted ${total} nodes (${describe(deleted)})\n`);
        } finally {
          await db.close();
        }
      }),
    );
}

function describe(deleted: Record<string, number>): string {
  return Object.entries(deleted)
    .map(([label, count]) => `${label}: ${count}`)
    .join(', ');
}

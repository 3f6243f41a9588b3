import { Command } from 'commander';
import { openGraph } from '../../db/open-graph.js';
import { readNamed } from '../../db/transactions.js';
import { runAction } from '../run-action.js';

/**
 * Recomputes everything derived from what is loaded. Analysis stages (effective permissions,
 * reachability, rules, paths) register here as they arrive; today it finishes interrupted loads
 * and reports what is loaded.
 */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('recompute derived edges, rule findings and attack paths for what is loaded')
    .action(
      runAction(async () => {
        const db = await openGraph();
        try {
          const scopes = await readNamed<{ scope: Record<string, unknown> }>(db, 'load/all-scopes');
          process.stdout.write(
            `${scopes.length} scope(s) loaded; no analysis stages are installed yet\n`,
          );
        } finally {
          await db.close();
        }
      }),
    );
}

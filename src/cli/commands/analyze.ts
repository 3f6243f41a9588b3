import { Command } from 'commander';
import { runAnalysis } from '../../analyze/run-analysis.js';
import { openGraph } from '../../db/open-graph.js';
import { runAction } from '../run-action.js';

/** Recomputes everything derived from what is loaded (stages are added as they arrive). */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('recompute derived edges, rule findings and attack paths for what is loaded')
    .option('--json', 'print the analysis summary as JSON')
    .action(
      runAction(async (options: { json?: boolean }) => {
        const db = await openGraph();
        try {
          const result = await runAnalysis(db);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          for (const s of result.awsAdmins) {
            process.stdout.write(
              `${s.scope}: ${s.principals} principals; admin-equivalent ${s.counts.admin}, conditional ${s.counts.conditional}\n`,
            );
          }
          process.stdout.write(
            `${result.canAssume.edges} CAN_ASSUME edges (${result.canAssume.conditional} conditional)\n`,
          );
          process.stdout.write(
            `${result.escalations.edges} CAN_ESCALATE edges (${result.escalations.conditional} conditional)\n`,
          );
          process.stdout.write(
            `${result.reachability.reached} resources reachable from the internet` +
              (result.reachability.problems.length
                ? ` (${result.reachability.problems.length} rule sets could not be read: ${result.reachability.problems[0] ?? ''}${result.reachability.problems.length > 1 ? ', ...' : ''})`
                : '') +
              '\n',
          );
          process.stdout.write(
            `${result.dataAccess.edges} CAN_ACCESS edges to ${Object.values(result.dataAccess.stores).reduce((a, b) => a + b, 0)} data stores (${result.dataAccess.public} from the internet)\n`,
          );
          process.stdout.write(`analysis ${result.analysisId} complete\n`);
        } finally {
          await db.close();
        }
      }),
    );
}

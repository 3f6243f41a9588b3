import { Command } from 'commander';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j/local-neo4j.js';
import { runAction } from '../run-action.js';

/** `cairn neo4j start|stop|status`: the project's own Neo4j, used when NEO4J_URI is unset. */
export function neo4jCommand(): Command {
  const command = new Command('neo4j').description(
    "manage the project's own local Neo4j 5.26 (bound to 127.0.0.1, data under .cairn/)",
  );
  command
    .command('start')
    .description(
      'start the local Neo4j (first run fetches it through Maven), or reuse the running one',
    )
    .action(
      runAction(async () => {
        const info = await startLocalNeo4j();
        process.stdout.write(
          `${info.reused ? 'already running' : 'started'}: ${info.uri} (pid ${info.pid}, data ${info.dataDir})\n`,
        );
      }),
    );
  command
    .command('stop')
    .description('stop the local Neo4j cleanly')
    .action(
      runAction(async () => {
        const result = await stopLocalNeo4j();
        process.stdout.write(result.stopped ? `stopped (pid ${result.pid})\n` : 'not running\n');
      }),
    );
  command
    .command('status')
    .description('say whether the local Neo4j runs, where, and where its log is')
    .option('--json', 'print the status as JSON')
    .action(
      runAction(async (options: { json?: boolean }) => {
        const status = localNeo4jStatus();
        await Promise.resolve();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          status.running
            ? `running: ${status.uri} (pid ${status.pid}, data ${status.dataDir}, log ${status.logPath})\n`
            : `stopped (would listen on ${status.uri}; log ${status.logPath})\n`,
        );
      }),
    );
  return command;
}

import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { setVerbose } from './run-action.js';
import { analyzeCommand } from './commands/analyze.js';
import { apikeyCommand } from './commands/apikey.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { neo4jCommand } from './commands/neo4j.js';
import { queryCommand } from './commands/query.js';
import { resetCommand } from './commands/reset.js';
import { seedCommand } from './commands/seed.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';

const program = new Command('cairn')
  .description('Multi-cloud attack paths and cloud posture over Neo4j.')
  .option('-v, --verbose', 'print error details and causes')
  .showHelpAfterError()
  .exitOverride()
  .hook('preAction', (command) =>
    setVerbose(Boolean(command.opts<{ verbose?: boolean }>().verbose)),
  );

for (const command of [
  importCommand(),
  analyzeCommand(),
  exportCommand(),
  queryCommand(),
  serveCommand(),
  apikeyCommand(),
  resetCommand(),
  seedCommand(),
  scanCommand(),
  neo4jCommand(),
]) {
  program.addCommand(command.exitOverride());
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its message; usage errors exit 2 as the contract says.
  if (error instanceof CommanderError) {
    const helpShown =
      error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    process.exitCode = helpShown || error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}

import { Command, InvalidArgumentError } from 'commander';
import { openGraph } from '../../db/open-graph.js';
import { startGraphScheduler } from '../../schedule/graph-export-runs.js';
import { loadServerConfig } from '../../schedule/schedule-config.js';
import { startHttpServer } from '../../serve/http-server.js';
import { warmServedModel } from '../../serve/who-can/served-iam-model.js';
import { runAction } from '../run-action.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve GraphQL at /graphql (and the explorer at /) until interrupted')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 4000)
    .option('--host <host>', 'address to bind (loopback unless you mean to expose it)', '127.0.0.1')
    .option('--config <file>', 'server configuration (YAML or JSON): scheduled exports')
    .action(
      runAction(async (options: { port: number; host: string; config?: string }) => {
        // A bad configuration stops here, before the database or the port is touched.
        const schedules = options.config ? await loadServerConfig(options.config) : [];
        // Listen for signals before printing the URL: whoever reads it may signal at once. A
        // signal while the database starts stops the server as soon as it is up; a second
        // one kills the process (the handlers are `once`).
        let onSignal = (): void => undefined;
        const stopRequested = new Promise<void>((resolve) => (onSignal = resolve));
        for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
        try {
          const db = await openGraph();
          try {
            const server = await startHttpServer({ db, port: options.port, host: options.host });
            const scheduler = schedules.length > 0 ? startGraphScheduler(db, schedules) : undefined;
            process.stdout.write(`Cairn GraphQL at ${server.url}\n`);
            let stopping = false;
            void warmServedModel(db, () => stopping);
            await stopRequested;
            stopping = true;
            // Runs in progress stop retrying and are recorded before the database closes.
            await scheduler?.stop();
            await server.close();
          } finally {
            await db.close();
          }
        } finally {
          for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
        }
      }),
    );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return port;
}

import { Command, InvalidArgumentError } from 'commander';
import { openGraph } from '../../db/open-graph.js';
import { startHttpServer } from '../../serve/http-server.js';
import { runAction } from '../run-action.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve GraphQL at /graphql (and the explorer at /) until interrupted')
    .option('--port <port>', 'port to listen on', parsePort, 4000)
    .option('--host <host>', 'address to bind (loopback unless you mean to expose it)', '127.0.0.1')
    .action(
      runAction(async (options: { port: number; host: string }) => {
        const db = await openGraph();
        const server = await startHttpServer({ db, port: options.port, host: options.host }).catch(
          async (error: unknown) => {
            await db.close();
            throw error;
          },
        );
        process.stdout.write(`Cairn GraphQL at ${server.url}\n`);
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        await db.close();
      }),
    );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return port;
}

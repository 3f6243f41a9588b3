import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { Database } from '../db/connection.js';
import { UsageError } from '../errors/cairn-error.js';
import { rootLogger } from '../logging/logger.js';
import { createApollo } from './apollo.js';
import type { AuthorizerOptions } from './auth/authorizer.js';
import { operationKindOf } from './auth/operation-kind.js';
import { operationRefusal } from './auth/operation-access.js';
import { isRefusal, sendRefusal } from './auth/refusal.js';
import { startAuthorizer } from './auth/start-authorizer.js';
import { createContext } from './context.js';
import { explorerPlaceholder } from './explorer-page.js';
import { httpRefusals } from './ops/cairn-metrics.js';
import { countingDatabase } from './ops/counting-database.js';
import { serveOpsRoute } from './ops/ops-routes.js';

/** Requests larger than this are refused (413) before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** GraphQL at `/graphql`, the explorer at `/`, probes, `/metrics`; loopback unless told. */
export async function startHttpServer(options: {
  db: Database;
  port: number;
  host: string;
  /** API key checks (tests shorten the key cache). */
  auth?: AuthorizerOptions;
}): Promise<RunningServer> {
  const auth = await startAuthorizer(options.db, options.host, options.auth);
  const apollo = await createApollo();
  const graphDb = countingDatabase(options.db); // feeds cairn_db_queries_total
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      rootLogger.error({ err: error }, 'http request failed');
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
    if (await serveOpsRoute(req, res, url.pathname, { db: options.db, auth })) return;
    if (url.pathname === '/' && req.method === 'GET')
      return send(res, 200, 'text/html; charset=utf-8', explorerPlaceholder);
    if (url.pathname !== '/graphql') return send(res, 404, 'text/plain', 'not found\n');
    const access = await auth.authorize(req);
    if (isRefusal(access)) return sendRefusal(res, access, '/graphql');
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > MAX_BODY_BYTES ? undefined : await readBody(req);
    if (body === undefined) {
      // Closing the connection spares reading the rest of an oversized body.
      res.setHeader('connection', 'close');
      httpRefusals.inc({ route: '/graphql', code: 'PAYLOAD_TOO_LARGE' });
      return send(res, 413, 'text/plain', `request body over ${MAX_BODY_BYTES} bytes\n`);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const parsed = parseBody(body, headers);
    const denied = operationRefusal(access.role, () => operationKindOf(parsed, url.searchParams));
    if (denied) return sendRefusal(res, denied, '/graphql');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'GET',
        headers,
        search: url.search,
        body: parsed,
      },
      context: () => Promise.resolve(createContext(graphDb)),
    });
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void =>
      reject(listenError(error, options.host, options.port));
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await apollo.stop();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

const LISTEN_FAILURES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is already in use',
  EACCES: 'this process may not bind it',
  EADDRNOTAVAIL: 'the address is not one of this machine',
};

/** An address that cannot be bound is the caller's choice of --host/--port to change. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const reason = error.code === undefined ? undefined : LISTEN_FAILURES[error.code];
  if (reason === undefined) return error;
  const message = `cannot listen on ${host}:${port}: ${reason}; choose another --port or --host`;
  return new UsageError(message, { cause: error });
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Apollo expects JSON bodies parsed; malformed JSON is left as text for it to reject (400). */
function parseBody(body: string, headers: HeaderMap): unknown {
  if (!body) return undefined;
  if (!(headers.get('content-type') ?? '').includes('application/json')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

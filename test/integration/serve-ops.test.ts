import { createServer, type Server } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { openGraph } from '../../src/db/open-graph.js';
import { createApiKey } from '../../src/serve/auth/api-key-store.js';
import { startHttpServer, type RunningServer } from '../../src/serve/http-server.js';
import { cairn } from '../support/cli.js';

let live: Database;
let dead: Database;
let silent: Server;
let silentDb: Database;
/** Which database the server's sessions go to: the real one until a test takes it away. */
let current: () => Database;
let server: RunningServer;
let deadUri: string;

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function driverAt(uri: string): Database {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'secret-password'), {
    logging: { level: 'error', logger: () => undefined },
    connectionTimeout: 30_000,
  });
  return {
    driver,
    database: undefined,
    uri,
    session: () => driver.session(),
    close: () => driver.close(),
  };
}

const url = (path: string): string => new URL(path, server.url).toString();

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * 16 levels of fields. Cairn's schema has no recursive field yet, so no valid operation is this
 * deep: the fields are unknown too, and the depth error comes first because it is found on the
 * operation before any field is visited.
 */
const DEEP = `query Deep { ${'a { '.repeat(15)}b${' }'.repeat(15)} }`;
/** Valid, but 500 paths × 50 steps: an estimated 101,002. */
// Twelve full pages of paths with their steps: each page is legitimate, together they are not.
const PAGE = 'attackPaths(first: 500) { edges { node { steps { from { id } to { id } } } } }';
const COMPLEX = `query Complex { ${Array.from({ length: 12 }, (_, i) => `a${i}: ${PAGE}`).join(' ')} }`;
/** The same pages with `first` through a variable: only its value shows how much it asks. */
const COMPLEX_VARS = `query Complex($n: Int!) { ${Array.from({ length: 12 }, (_, i) => `a${i}: ${PAGE.replace('500', '$n')}`).join(' ')} }`;

/** The samples of one metric family, by their label text. */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{.*\})? (\S+)$/.exec(line);
    if (match?.[1] === name) found.set(match[2] ?? '', Number(match[3]));
  }
  return found;
}

async function metrics(headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url('/metrics'), { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return response.text();
}

beforeAll(async () => {
  live = await openGraph();
  const closed = createServer();
  const closedPort = await listening(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  deadUri = `bolt://127.0.0.1:${closedPort}`;
  dead = driverAt(deadUri);
  // Accepts connections and never answers: a database that hangs.
  silent = createServer(() => undefined);
  silentDb = driverAt(`bolt://127.0.0.1:${await listening(silent)}`);
  current = () => live;
  const switching: Database = {
    get driver() {
      return current().driver;
    },
    database: live.database,
    uri: live.uri,
    session: (mode) => current().session(mode),
    close: () => Promise.resolve(),
  };
  await live.session().run('MATCH (k:CairnApiKey) DETACH DELETE k');
  server = await startHttpServer({
    db: switching,
    port: 0,
    host: '127.0.0.1',
    auth: { cacheTtlMs: 0 },
  });
});

afterAll(async () => {
  await server?.close();
  await live?.session().run('MATCH (k:CairnApiKey) DETACH DELETE k');
  await Promise.all([live?.close(), dead?.close(), silentDb?.close()]);
  silent?.close();
});

describe('/readyz', () => {
  it('answers 200 ready while Neo4j answers', async () => {
    const response = await fetch(url('/readyz'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ready\n');
  });

  it('answers 503 with the reason when the database refuses connections', async () => {
    current = () => dead;
    try {
      const response = await fetch(url('/readyz'));
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toMatch(/^not ready: the database is unavailable: .+\n$/);
      expect(text).not.toContain('secret-password');
      // Liveness is unaffected: the process itself is fine.
      expect((await fetch(url('/healthz'))).status).toBe(200);
    } finally {
      current = () => live;
    }
  });

  it('answers 503 after 2 s when the database accepts but never answers', async () => {
    current = () => silentDb;
    try {
      const started = Date.now();
      const response = await fetch(url('/readyz'));
      expect(response.status).toBe(503);
      expect(await response.text()).toBe('not ready: the database did not answer within 2000 ms\n');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      current = () => live;
    }
  });
});

describe('limits over HTTP', () => {
  it('refuses an over-deep operation with 400 and QUERY_TOO_DEEP', async () => {
    const response = await post({ query: DEEP });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0]).toEqual({
      message: 'Operation "Deep" is 16 levels deep; the limit is 15.',
      locations: [{ line: 1, column: 1 }],
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  });

  it('refuses an over-complex operation with 400 and QUERY_TOO_COMPLEX', async () => {
    const response = await post({ query: COMPLEX });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'Operation "Complex" has an estimated complexity of 252024; the limit is 250000. Ask for smaller pages (first) or fewer nested lists.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        },
      ],
    });
  });

  it('measures first given through a variable by its value before anything runs', async () => {
    const refused = await post({ query: COMPLEX_VARS, variables: { n: 500 } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [
        {
          message:
            'Operation "Complex" has an estimated complexity of 252024; the limit is 250000. Ask for smaller pages (first) or fewer nested lists.',
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        },
      ],
    });
    const small = await post({ query: COMPLEX_VARS, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(((await small.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it('refuses a first over 1000 with 400 and BAD_USER_INPUT naming the field', async () => {
    const response = await post({ query: '{ findings(first: 5000) { totalCount } }' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [
        {
          message: 'Field "findings" asks for first: 5000; at most 1000 items per page.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('still serves introspection', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const response = await post({ query: getIntrospectionQuery() });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});

describe('limits in cairn query', () => {
  it('exits 2 with one line for over-deep and over-complex operations, before opening the database', async () => {
    const env = { NEO4J_URI: deadUri };
    for (const [query, line] of [
      [
        DEEP,
        'cairn: invalid operation: Operation "Deep" is 16 levels deep; the limit is 15. (line 1, column 1) (and 1 more)',
      ],
      [
        COMPLEX,
        'cairn: invalid operation: Operation "Complex" has an estimated complexity of 252024; the limit is 250000. Ask for smaller pages (first) or fewer nested lists. (line 1, column 1)',
      ],
    ] as const) {
      const result = await cairn(['query', query], env);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([line]);
      const printed = JSON.parse(result.stdout) as { errors: { extensions: { code: string } }[] };
      expect(printed.errors[0]?.extensions.code).toBe(
        query === DEEP ? 'QUERY_TOO_DEEP' : 'QUERY_TOO_COMPLEX',
      );
    }
  });

  it('measures first given through --vars by its value, exit 2 before opening the database', async () => {
    const result = await cairn(['query', COMPLEX_VARS, '--vars', '{"n": 500}'], {
      NEO4J_URI: deadUri,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'cairn: invalid operation: Operation "Complex" has an estimated complexity of 252024; the limit is 250000. Ask for smaller pages (first) or fewer nested lists. (line 1, column 1)',
    ]);
    const printed = JSON.parse(result.stdout) as { errors: { extensions: { code: string } }[] };
    expect(printed.errors[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('/metrics', () => {
  it('counts requests by operation and outcome, times them, and counts database queries', async () => {
    const before = await metrics();
    const count = (text: string, labels: string): number =>
      samples(text, 'cairn_graphql_requests_total').get(labels) ?? 0;
    const dbBefore = samples(before, 'cairn_db_queries_total').get('') ?? 0;
    const histogramBefore =
      samples(before, 'cairn_graphql_request_duration_seconds_count').get('') ?? 0;

    for (let i = 0; i < 2; i++) {
      expect((await post({ query: 'query Health { health { status } }' })).status).toBe(200);
    }
    await post({ query: '{ node(id: "arn:aws:iam::000000000000:user/none") { id } }' });
    await post({ query: '{ nosuchfield }' });
    await post({ query: DEEP });
    await post({ query: 'query Odd { health { status } }', operationName: 'x'.repeat(65) });

    const after = await metrics();
    expect(
      count(after, '{operation="Health",code="OK"}') -
        count(before, '{operation="Health",code="OK"}'),
    ).toBe(2);
    expect(
      count(after, '{operation="anonymous",code="OK"}') -
        count(before, '{operation="anonymous",code="OK"}'),
    ).toBe(1);
    expect(
      count(after, '{operation="anonymous",code="GRAPHQL_VALIDATION_FAILED"}') -
        count(before, '{operation="anonymous",code="GRAPHQL_VALIDATION_FAILED"}'),
    ).toBe(1);
    expect(count(after, '{operation="Deep",code="QUERY_TOO_DEEP"}')).toBeGreaterThanOrEqual(1);
    expect(
      count(after, '{operation="invalid",code="OPERATION_RESOLUTION_FAILURE"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('x'.repeat(65));
    // health runs one query, node one loader batch.
    expect(
      (samples(after, 'cairn_db_queries_total').get('') ?? 0) - dbBefore,
    ).toBeGreaterThanOrEqual(3);

    const buckets = [...samples(after, 'cairn_graphql_request_duration_seconds_bucket')];
    expect(buckets.map(([labels]) => labels)).toEqual(
      ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'].map(
        (le) => `{le="${le}"}`,
      ),
    );
    const counts = buckets.map(([, value]) => value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const total = samples(after, 'cairn_graphql_request_duration_seconds_count').get('') ?? 0;
    expect(counts.at(-1)).toBe(total);
    expect(total - histogramBefore).toBe(6);
    expect(samples(after, 'cairn_graphql_request_duration_seconds_sum').get('')).toBeGreaterThan(0);
    expect(samples(after, 'process_resident_memory_bytes').get('')).toBeGreaterThan(1_000_000);
    expect(samples(after, 'process_start_time_seconds').get('')).toBeLessThanOrEqual(
      Date.now() / 1000,
    );
  });

  it('requires a valid API key once keys exist, and counts what it turned away', async () => {
    const { key } = await createApiKey(live, { name: 'scraper', role: 'viewer' });
    const auth = { authorization: `Bearer ${key}` };
    const refused = (text: string, labels: string): number =>
      samples(text, 'cairn_http_refused_total').get(labels) ?? 0;
    try {
      const before = await metrics(auth);
      expect((await fetch(url('/metrics'))).status).toBe(401);
      const wrong = await fetch(url('/metrics'), { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      expect((await post({ query: '{ health { status } }' })).status).toBe(401);
      const mutation = 'mutation { unsuppress(id: "none") }';
      expect((await post({ query: mutation }, auth)).status).toBe(403);
      const huge = { query: `{ health { status } } #${'x'.repeat(1024 * 1024)}` };
      expect((await post(huge, auth)).status).toBe(413);

      const after = await metrics(auth);
      expect(after).toContain('cairn_graphql_requests_total');
      for (const [labels, added] of [
        ['{route="/metrics",code="UNAUTHENTICATED"}', 2],
        ['{route="/graphql",code="UNAUTHENTICATED"}', 1],
        ['{route="/graphql",code="FORBIDDEN"}', 1],
        ['{route="/graphql",code="PAYLOAD_TOO_LARGE"}', 1],
      ] as const) {
        expect(refused(after, labels) - refused(before, labels), labels).toBe(added);
      }
      // Probes stay open.
      expect((await fetch(url('/readyz'))).status).toBe(200);
    } finally {
      await live.session().run('MATCH (k:CairnApiKey) DETACH DELETE k');
    }
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cairn, startCairn } from '../support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cairn-query-'));
let deadUri: string;

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A loopback port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
};

beforeAll(async () => {
  deadUri = `bolt://127.0.0.1:${await freePort()}`;
});

describe('cairn query', () => {
  it('prints the {data} JSON of an operation and exits 0', async () => {
    const result = await cairn(['query', '{ health { status } }']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${JSON.stringify({ data: { health: { status: 'ok' } } }, null, 2)}\n`,
    );
  });

  it('reads the operation and the variables from files, and --operation picks one of several', async () => {
    const op = file(
      'ops.graphql',
      'query Node($id: ID!) { node(id: $id) { id } }\nquery Health { health { status } }\n',
    );
    const vars = file('vars.json', JSON.stringify({ id: 'arn:aws:iam::000000000000:user/none' }));
    const node = await cairn(['query', op, '--vars', vars, '--operation', 'Node']);
    expect(node.code).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual({ data: { node: null } });
    const health = await cairn(['query', op, '--operation', 'Health']);
    expect(JSON.parse(health.stdout)).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('refuses a bad operation with exit 2, the errors on stdout and one stderr line, without a database', async () => {
    const env = { NEO4J_URI: deadUri };
    const syntax = await cairn(['query', '{ node(id: ) { id } }'], env);
    expect(syntax.code).toBe(2);
    expect(JSON.parse(syntax.stdout)).toMatchObject({
      data: null,
      errors: [
        { extensions: { code: 'GRAPHQL_PARSE_FAILED' }, locations: [{ line: 1, column: 12 }] },
      ],
    });
    expect(oneLine(syntax.stderr)).toBe(
      'cairn: invalid operation: Syntax Error: Unexpected ")". (line 1, column 12)',
    );

    const unknown = await cairn(['query', '{ nosuchfield }'], env);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toMatch(
      /^cairn: invalid operation: Cannot query field "nosuchfield"/,
    );

    const several = await cairn(
      ['query', 'query A { health { status } } query B { health { version } }'],
      env,
    );
    expect(several.code).toBe(2);
    expect(oneLine(several.stderr)).toMatch(
      /Must provide operation name.*\(choose one with --operation\)$/,
    );

    const missing = await cairn(['query', path.join(dir, 'nope.graphql')], env);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toBe(`cairn: ${path.join(dir, 'nope.graphql')}: no such file`);
  });

  it('refuses bad variables with exit 2 and a line naming --vars or the file', async () => {
    const env = { NEO4J_URI: deadUri };
    const op = 'query ($id: ID!) { node(id: $id) { id } }';
    const cases: [string[], RegExp][] = [
      [['--vars', '{"id": '], /^cairn: --vars: truncated JSON/],
      [['--vars', '{"id": x}'], /^cairn: --vars: invalid JSON at line 1 column \d+$/],
      [['--vars', '["x"]'], /^cairn: --vars: expected a JSON object of variables$/],
      [['--vars', 'no-such-vars.json'], /^cairn: --vars: "no-such-vars.json" is neither/],
      [['--vars', file('bad.json', '{"id": }')], /bad\.json: invalid JSON at line 1 column 8$/],
      [
        ['--vars', '{}'],
        /^cairn: bad variables: Variable "\$id" of required type "ID!" was not provided\./,
      ],
      [['--vars', '{"id": {"a": 1}}'], /^cairn: bad variables: Variable "\$id" got invalid value/],
    ];
    for (const [args, message] of cases) {
      const result = await cairn(['query', op, ...args], env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(oneLine(result.stderr)).toMatch(message);
    }
  });

  it('exits 1 with one line when the database cannot be reached', async () => {
    const result = await cairn(['query', '{ health { status } }'], { NEO4J_URI: deadUri });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(oneLine(result.stderr)).toMatch(`cairn: cannot connect to Neo4j at ${deadUri}`);
  });
});

describe('cairn serve', () => {
  function serve(args: string[]): {
    url: Promise<string>;
    exit: Promise<number | null>;
    kill(signal: NodeJS.Signals): void;
  } {
    const child = startCairn(['serve', ...args]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Cairn GraphQL at (http:\/\/\S+\/graphql)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      void exit.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    return { url, exit, kill: (signal) => child.kill(signal) };
  }

  it('serves GraphQL at /graphql and a placeholder at / on loopback, and stops on SIGTERM', async () => {
    const server = serve(['--port', '0']);
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { health { status } node(id: $id) { id } }',
        variables: { id: 'none' },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { health: { status: 'ok' }, node: null } });

    const invalid = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nosuchfield }' }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });

    const root = await fetch(new URL('/', url));
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await root.text()).toContain('/graphql');
    expect((await fetch(new URL('/elsewhere', url))).status).toBe(404);

    server.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  it('stops on SIGINT too', async () => {
    const server = serve(['--port', '0', '--host', '127.0.0.1']);
    await server.url;
    server.kill('SIGINT');
    expect(await server.exit).toBe(0);
  });

  describe('when the port is taken', () => {
    let taken: Server;
    let port: number;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      port = (taken.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it('exits 2 naming the address', async () => {
      const result = await cairn(['serve', '--port', String(port)]);
      expect(result.code, result.stderr).toBe(2);
      expect(oneLine(result.stderr)).toBe(
        `cairn: cannot listen on 127.0.0.1:${port}: the port is already in use; choose another --port or --host`,
      );
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { dropScope, openTestGraph, scopeState, uniqueAccountId } from '../support/graph.js';
import { sampleAccount, toSnapshotJson } from '../support/records.js';
import { cairn, startCairn } from '../support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cairn-cli-'));
const account = uniqueAccountId();
const scope = `aws:${account}`;
const authzAccount = '123456789012';
let db: Database;

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const snapshot = (): Record<string, unknown> => ({
  format: 'cairn-snapshot',
  version: 1,
  ...toSnapshotJson(sampleAccount(account)),
});

beforeAll(async () => {
  db = await openTestGraph();
  await dropScope(db, `aws:${authzAccount}`);
});

afterAll(async () => {
  await dropScope(db, scope);
  await dropScope(db, `aws:${authzAccount}`);
  await dropScope(db, 'aws:org/o-a1b2c3d4e5');
  await db.close();
});

describe('cairn import', () => {
  it('loads a snapshot and the result can be queried', async () => {
    const imported = await cairn(['import', 'snapshot', file('good.json', snapshot())]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      new RegExp(`^${scope}: loaded 6 nodes and 3 relationships as scan-`),
    );

    const queried = await cairn([
      'query',
      'query ($id: ID!) { node(id: $id) { id ... on Entity { name } } }',
      '--vars',
      JSON.stringify({ id: `arn:aws:iam::${account}:user/alice` }),
    ]);
    expect(queried.code).toBe(0);
    expect(JSON.parse(queried.stdout)).toEqual({
      data: { node: { id: `arn:aws:iam::${account}:user/alice`, name: 'alice' } },
    });
  });

  it('refuses malformed records with exit 2 and one line naming file, record and field; the graph is unchanged', async () => {
    const before = await scopeState(db, scope);
    const missingKey = snapshot();
    delete (missingKey['nodes'] as Record<string, unknown>[])[1]?.['name'];
    const wrongType = snapshot();
    (wrongType['nodes'] as Record<string, unknown>[])[4]!['maxSessionDuration'] = 'forever';
    for (const [name, content, field] of [
      ['missing-key.json', missingKey, /nodes\[1\] .*AWSUser: field "name"/],
      ['wrong-type.json', wrongType, /nodes\[4\] .*AWSRole: field "maxSessionDuration"/],
    ] as const) {
      const result = await cairn(['import', 'snapshot', file(name, content)]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`${path.join(dir, name)}: `);
      expect(result.stderr).toMatch(field);
    }
    expect(await scopeState(db, scope)).toEqual(before);
  });

  it('imports an aws-authz dump, and refuses bad dumps with exit 2 leaving the graph as it was', async () => {
    const fixture = 'test/fixtures/aws-authz/small-account.json';
    const ok = await cairn(['import', 'aws-authz', fixture]);
    expect(ok.code).toBe(0);
    const before = await scopeState(db, `aws:${authzAccount}`);
    expect(Object.keys(before.nodes).length).toBeGreaterThan(10);

    const text = readFileSync(fixture, 'utf8');
    const dump = JSON.parse(text) as Record<string, unknown>;
    delete dump['RoleDetailList'];
    const cases: [string, RegExp][] = [
      [
        file('truncated.json', text.slice(0, 2000)),
        /truncated\.json: truncated JSON \(it ends too early\) at line \d+ column \d+$/,
      ],
      [file('no-roles.json', dump), /no-roles\.json: missing RoleDetailList$/],
      [file('not-json.json', 'UserDetailList: []'), /not-json\.json: invalid JSON/],
    ];
    for (const [input, message] of cases) {
      const result = await cairn(['import', 'aws-authz', input]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toMatch(message);
    }
    expect(await scopeState(db, `aws:${authzAccount}`)).toEqual(before);
  });

  it('imports AWS Organizations data into its own scope', async () => {
    const result = await cairn(['import', 'aws-org', 'test/fixtures/aws-org/acme-org.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^aws:org\/o-a1b2c3d4e5: loaded \d+ nodes/);
    const queried = await cairn([
      'query',
      '{ node(id: "p-devallow01") { id ... on Entity { name labels scope } } }',
    ]);
    expect(JSON.parse(queried.stdout)).toEqual({
      data: {
        node: {
          id: 'p-devallow01',
          name: 'dev-allow-list',
          labels: expect.arrayContaining(['AWSOrgPolicy', 'Policy']) as unknown,
          scope: 'aws:org/o-a1b2c3d4e5',
        },
      },
    });
  });

  it('refuses an unknown format and a missing file with exit 2', async () => {
    const unknown = await cairn(['import', 'aws-xml', 'x.xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown import format "aws-xml"; known formats: aws-authz, aws-org, aws-ec2, snapshot, aws-snapshot/,
    );
    const missing = await cairn(['import', 'snapshot', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file or directory/);
  });
});

describe('cairn query', () => {
  it('exits 2 for a syntax error, printing the errors, and for bad --vars', async () => {
    const syntax = await cairn(['query', '{ node(id: ) }']);
    expect(syntax.code).toBe(2);
    expect(JSON.parse(syntax.stdout)).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
    const vars = await cairn(['query', '{ health { status } }', '--vars', '{"id": ']);
    expect(vars.code).toBe(2);
    expect(vars.stderr.trim()).toMatch(/^cairn: --vars: truncated JSON/);
  });

  it('reads the operation and variables from files', async () => {
    const op = file('op.graphql', 'query ($id: ID!) { node(id: $id) { id } }');
    const vars = file('vars.json', { id: 'arn:aws:iam::000000000000:user/none' });
    const result = await cairn(['query', op, '--vars', vars]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ data: { node: null } });
  });
});

describe('cairn serve, reset and neo4j', () => {
  it('serves GraphQL over HTTP on loopback and stops on SIGTERM', async () => {
    const server = startCairn(['serve', '--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Cairn GraphQL at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(await response.json()).toEqual({ data: { health: { status: 'ok' } } });
    const tooBig = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { status } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(tooBig.status).toBe(413);
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('reset refuses without --yes; neo4j status reports the running database', async () => {
    const reset = await cairn(['reset']);
    expect(reset.code).toBe(2);
    expect(reset.stderr).toMatch(/add --yes to confirm/);
    const status = await cairn(['neo4j', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toHaveProperty('running');
  });

  it('exits 2 on a usage error', async () => {
    const result = await cairn(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { readTransaction, writeTransaction } from '../../src/db/transactions.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEALTH = '{ health { status } }';
const MARKER = `api-access-test-${process.pid}`;
const SUPPRESS = `mutation { suppress(input: { rules: ["${MARKER}-*"], reason: "${MARKER}", by: "test" }) { id } }`;

let db: Database;
let server: { url: string; output: () => string; stop: () => Promise<void> } | undefined;
const keys: string[] = [];

/** `cairn serve` with every log line kept (trace level), to check no key ever reaches them. */
async function serve(): Promise<NonNullable<typeof server>> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, CAIRN_LOG_LEVEL: 'trace' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Cairn GraphQL at (\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(
  query: string,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(server!.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createKey(
  name: string,
  role: string,
  ...extra: string[]
): Promise<{ key: string; id: string; stderr: string }> {
  const created = await cairn(['apikey', 'create', '--name', name, '--role', role, ...extra]);
  expect(created.code, created.stderr).toBe(0);
  const key = created.stdout.trim();
  expect(key).toMatch(/^cairn_[A-Za-z0-9_-]{43}$/);
  keys.push(key);
  return { key, id: key.slice(6, 14), stderr: created.stderr };
}

async function countMarkedSuppressions(): Promise<number> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      'MATCH (s:CairnSuppression) WHERE s.criteria CONTAINS $marker RETURN count(s) AS n',
      { marker: MARKER },
    );
    return result.records[0]?.get('n') as number;
  });
}

async function deleteAllKeys(): Promise<void> {
  // The integration suites share one database: keys left behind would lock the others out.
  await writeTransaction(db, (tx) => tx.run('MATCH (k:CairnApiKey) DELETE k'));
}

/** The GraphQL-shaped refusal body: one error with a message and the code. */
const refusedWith = (code: string): unknown => ({
  errors: [{ message: expect.any(String) as unknown, extensions: { code } }],
});

beforeAll(async () => {
  db = await openTestGraph();
  await deleteAllKeys();
});

afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteAllKeys();
    await writeTransaction(db, (tx) =>
      tx.run('MATCH (s:CairnSuppression) WHERE s.criteria CONTAINS $marker DETACH DELETE s', {
        marker: MARKER,
      }),
    );
    await db.close();
  }
});

describe('API keys and roles', () => {
  it('without any key, refuses to serve beyond loopback (exit 2, one line)', async () => {
    const result = await cairn(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cairn apikey create');
  });

  it('without any key, serves loopback openly and warns once', async () => {
    server = await serve();
    expect(await post(HEALTH)).toMatchObject({
      status: 200,
      body: { data: { health: { status: 'ok' } } },
    });
    expect(server.output().match(/no API key exists/g)).toHaveLength(1);
  });

  it(
    'refuses bad names, roles and ids with exit 2 and one line',
    { timeout: 120_000 },
    async () => {
      for (const args of [
        ['create', '--name', 'x', '--role', 'root'],
        ['create', '--name', '', '--role', 'viewer'],
        ['create', '--name', 'a'.repeat(65), '--role', 'viewer'],
        ['create', '--name', 'a\u001bb', '--role', 'viewer'],
        ['create', '--name', 'x', '--role', 'viewer', '--expires-in', '5w'],
        ['create', '--name', 'x', '--role', 'viewer', '--expires-in', '0d'],
        ['revoke', 'nosuchid'],
        ['revoke', '../../x'],
      ]) {
        const result = await cairn(['apikey', ...args]);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      }
    },
  );

  it('once a key exists, wants one: 401 without or with a wrong key, 200 with the key', async () => {
    const viewer = await createKey('viewer-test', 'viewer');
    // The server reads the keys at most every 5 s.
    await expect
      .poll(async () => (await post(HEALTH)).status, { timeout: 8_000, interval: 250 })
      .toBe(401);
    const missing = await post(HEALTH);
    expect(missing.body).toEqual(refusedWith('UNAUTHENTICATED'));
    const wrong = await post(HEALTH, `cairn_${'A'.repeat(43)}`);
    expect(wrong).toMatchObject({ status: 401, body: refusedWith('UNAUTHENTICATED') });
    const forged = await post(HEALTH, `${viewer.key.slice(0, 14)}${'B'.repeat(35)}`);
    expect(forged.status).toBe(401);
    expect(await post(HEALTH, viewer.key)).toMatchObject({
      status: 200,
      body: { data: { health: { status: 'ok' } } },
    });
  });

  it('refuses a viewer mutation with 403 FORBIDDEN and leaves the data as it was', async () => {
    const viewer = keys[0]!;
    const refused = await post(SUPPRESS, viewer);
    expect(refused).toMatchObject({ status: 403, body: refusedWith('FORBIDDEN') });
    expect(await countMarkedSuppressions()).toBe(0);
  });

  it('lets an analyst mutate', async () => {
    const { key } = await createKey('analyst-test', 'analyst');
    await expect
      .poll(async () => (await post(HEALTH, key)).status, { timeout: 8_000, interval: 250 })
      .toBe(200);
    const made = await post(SUPPRESS, key);
    expect(made.status).toBe(200);
    const id = (made.body['data'] as { suppress: { id: string } }).suppress.id;
    expect(await countMarkedSuppressions()).toBe(1);
    const undone = await post(`mutation { unsuppress(id: "${id}") }`, key);
    expect(undone.body).toEqual({ data: { unsuppress: true } });
  });

  it('honours a key until it expires, then refuses it with 401 saying so', async () => {
    const before = Date.now();
    const { key, id, stderr } = await createKey('expiring-test', 'analyst', '--expires-in', '12h');
    const shown = /expires (\S+Z)\)/.exec(stderr)?.[1] ?? '';
    expect(Date.parse(shown) - before).toBeGreaterThanOrEqual(12 * 3_600_000 - 1_000);
    expect(Date.parse(shown) - before).toBeLessThan(12 * 3_600_000 + 60_000);
    await expect
      .poll(async () => (await post(HEALTH, key)).status, { timeout: 8_000, interval: 250 })
      .toBe(200);
    // Twelve hours pass.
    const past = new Date(Date.now() - 1_000).toISOString();
    await writeTransaction(db, (tx) =>
      tx.run('MATCH (k:CairnApiKey {id: $id}) SET k.expiresAt = $past', { id, past }),
    );
    await expect
      .poll(async () => (await post(HEALTH, key)).status, { timeout: 8_000, interval: 250 })
      .toBe(401);
    const refused = await post(HEALTH, key);
    expect(refused.body).toEqual(refusedWith('UNAUTHENTICATED'));
    expect(JSON.stringify(refused.body)).toContain(`expired at ${past}`);
    const listed = await cairn(['apikey', 'list']);
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${id} +expiring-test +analyst +\\S+Z +${past.replace(/\./g, '\\.')}\\(expired\\) `,
        'm',
      ),
    );
  });

  it('keeps `cairn query` working in-process without a key', async () => {
    const result = await cairn(['query', HEALTH]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('lists keys without secrets, and a revoked key gets 401 within the cache time', async () => {
    const viewer = keys[0]!;
    const id = viewer.slice(6, 14);
    const revoked = await cairn(['apikey', 'revoke', id]);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked API key ${id}\n` });
    await expect
      .poll(async () => (await post(HEALTH, viewer)).status, { timeout: 8_000, interval: 250 })
      .toBe(401);
    const listed = await cairn(['apikey', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +ROLE +CREATED +EXPIRES +LAST USED +REVOKED$/);
    const row = lines.find((line) => line.startsWith(id)) ?? '';
    expect(row).toMatch(/viewer-test +viewer +\S+Z +- +\S+Z +\S+Z$/);
    const stored = await readTransaction(db, async (tx) =>
      (await tx.run('MATCH (k:CairnApiKey) RETURN k.hash AS hash')).records.map(
        (r) => r.get('hash') as string,
      ),
    );
    expect(stored).toHaveLength(3);
    for (const secret of [...keys, ...stored]) {
      expect(listed.stdout).not.toContain(secret.slice(6));
    }
  });

  it('never writes a key or its hash to the server log', async () => {
    await server!.stop();
    const output = server!.output();
    server = undefined;
    expect(output).toContain('"level":'); // the log was on
    for (const key of keys) expect(output).not.toContain(key.slice(6));
  });
});

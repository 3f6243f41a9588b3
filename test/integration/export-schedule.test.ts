import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { writeNamed, writeTransaction } from '../../src/db/transactions.js';
import { readExportRuns } from '../../src/schedule/export-run-store.js';
import { graphRunDeps, startGraphScheduler } from '../../src/schedule/graph-export-runs.js';
import { runExportSchedule } from '../../src/schedule/run-export-schedule.js';
import { schedulesOf } from '../../src/schedule/schedule-config.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';
import { storedPath } from '../unit/export/risk/risk-fixtures.js';
import { fakeClock, memoryLog } from '../unit/schedule/schedule-fakes.js';

// One stored analysis run; scheduled exports of it go to loopback webhooks and a directory.
const RUN = 'analysis-20260301T000000Z';
const A = '111111111111';
const TOKEN = 'hook-secret-0123456789';

let db: Database;
let dir: string;
const servers: Server[] = [];

interface Received {
  bodies: string[];
  types: (string | undefined)[];
}

/** A loopback webhook answering with `statuses` in turn (the last one repeats). */
async function webhook(statuses: number[]): Promise<{ url: string; received: Received }> {
  const received: Received = { bodies: [], types: [] };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.bodies.push(body);
      received.types.push(request.headers['content-type']);
      response.statusCode = statuses[Math.min(received.bodies.length, statuses.length) - 1]!;
      response.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook?token=${TOKEN}`, received };
}

function writeConfig(exports: Record<string, unknown>[]): string {
  const file = path.join(dir, `server-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ exports }));
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cairn-schedule-'));
  db = await openTestGraph();
  await resetGraph(db);
  await writeNamed(db, 'paths/write-attack-paths', {
    rows: [
      storedPath({
        runId: RUN,
        key: 'k1',
        score: 80,
        band: 'critical',
        hops: [
          ['internet', `arn:aws:ec2:us-east-1:${A}:instance/i-0abc`, 'network.Reach'],
          [
            `arn:aws:ec2:us-east-1:${A}:instance/i-0abc`,
            `arn:aws:iam::${A}:role/web`,
            'aws.ec2.InstanceRoleCredentials',
          ],
        ],
      }),
    ],
  });
  await writeTransaction(db, (tx) => tx.run('MERGE (r:CairnPathRun {id: $id})', { id: RUN }));
}, 240_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await resetGraph(db);
  await writeTransaction(db, (tx) => tx.run('MATCH (r:CairnPathRun) DELETE r'));
  await db.close();
});

describe('cairn export risk --schedule', () => {
  it('retries a webhook that fails twice, posts the export and records SUCCEEDED', async () => {
    const hook = await webhook([500, 500, 200]);
    const config = writeConfig([
      {
        name: 'flaky',
        cron: '0 6 * * *',
        format: 'ndjson',
        webhook: hook.url,
        retries: 3,
        backoffSeconds: 0.05,
      },
    ]);
    const result = await cairn(['export', 'risk', '--schedule', 'flaky', '--config', config]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^flaky: SUCCEEDED after 3 attempt\(s\): webhook:http:\/\/127\.0\.0\.1:\d+\/hook\n$/,
    );
    expect(hook.received.bodies).toHaveLength(3);
    expect(hook.received.types).toEqual(Array(3).fill('application/x-ndjson'));
    // ndjson carries no timestamp: the body is exactly what the export command writes.
    const direct = await cairn(['export', 'risk', '--format', 'ndjson']);
    expect(hook.received.bodies[2]).toBe(direct.stdout);
    expect(direct.stdout).toContain(`"kind":"path","id":"${RUN}/k1"`);

    const [run] = await readExportRuns(db, { schedule: 'flaky', limit: 5 });
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 3, error: null });
    const table = await cairn(['export', 'runs']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^STARTED +SCHEDULE +STATUS +ATTEMPTS +FINISHED +DESTINATIONS +ERROR$/,
    );
    expect(table.stdout).toMatch(/flaky +SUCCEEDED +3 /);
    expect(table.stdout).not.toContain(TOKEN);
  });

  it('records FAILED with attempts and an error without the token, logs it, and exits 1', async () => {
    const hook = await webhook([503]);
    const [schedule] = schedulesOf(
      {
        exports: [
          {
            name: 'broken',
            cron: '0 6 * * *',
            format: 'csv',
            webhook: hook.url,
            retries: 2,
            backoffSeconds: 0.01,
          },
        ],
      },
      path.join(dir, 'x.yaml'),
    );
    const log = memoryLog();
    const run = await runExportSchedule(schedule!, graphRunDeps(db, { log }));
    expect(run).toMatchObject({ status: 'FAILED', attempts: 3, destinations: [] });
    expect(run.error).toMatch(/^webhook http:\/\/127\.0\.0\.1:\d+\/hook: HTTP 503$/);
    expect(hook.received.bodies).toHaveLength(3);
    expect(hook.received.types[0]).toBe('text/csv; charset=utf-8');
    const [stored] = await readExportRuns(db, { schedule: 'broken', limit: 1 });
    expect(stored).toMatchObject({ id: run.id, status: 'FAILED', attempts: 3, error: run.error });
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    const errors = log.lines.filter((line) => line.level === 'error');
    expect(errors.map((line) => line.message)).toEqual(['scheduled export failed']);
    expect(errors[0]?.fields).toMatchObject({ schedule: 'broken', attempts: 3 });
    expect(JSON.stringify(log.lines)).not.toContain(TOKEN);
    // The API reports it too, for the explorer and whoever watches the exports.
    const served = await runOperation(createContext(db), {
      query: '{ exportRuns(schedule: "broken") { id status attempts error destinations } }',
    });
    expect(served.errors).toBeUndefined();
    expect(served.data?.['exportRuns']).toEqual([
      { id: run.id, status: 'FAILED', attempts: 3, error: run.error, destinations: [] },
    ]);

    const config = writeConfig([
      { name: 'broken', cron: '0 6 * * *', format: 'csv', webhook: hook.url, retries: 0 },
    ]);
    const cli = await cairn(['export', 'risk', '--schedule', 'broken', '--config', config]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(
      /^cairn: broken: FAILED after 1 attempt\(s\): webhook http:\/\/127\.0\.0\.1:\d+\/hook: HTTP 503\n$/,
    );
  });
});

describe('the export scheduler', () => {
  it('fires at the cron time and writes the file to the directory atomically', async () => {
    const out = path.join(dir, 'exports');
    const [schedule] = schedulesOf(
      {
        exports: [
          {
            name: 'nightly-risk',
            cron: '0 6 * * *',
            format: 'csv',
            level: 'account',
            directory: out,
          },
        ],
      },
      path.join(dir, 'server.yaml'),
    );
    const clock = fakeClock('2026-03-02T05:59:00Z');
    const log = memoryLog();
    const scheduler = startGraphScheduler(db, [schedule!], { clock, log });
    clock.advanceTo('2026-03-02T05:59:59Z');
    expect(log.lines.filter((l) => l.message.startsWith('scheduled export'))).toEqual([]);
    clock.advanceTo('2026-03-02T06:00:00Z');
    await scheduler.stop();
    expect(readdirSync(out)).toEqual(['nightly-risk-20260302T060000Z.csv']);
    const direct = await cairn(['export', 'risk', '--format', 'csv', '--level', 'account']);
    expect(readFileSync(path.join(out, 'nightly-risk-20260302T060000Z.csv'), 'utf8')).toBe(
      direct.stdout,
    );
    expect(direct.stdout).toBe(
      'account,paths,max_score,critical,high,medium,low,new,gone,previous_paths,previous_max_score\r\n' +
        `${A},1,80,1,0,0,0,1,0,0,0\r\n`,
    );
    const [run] = await readExportRuns(db, { schedule: 'nightly-risk', limit: 1 });
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      startedAt: '2026-03-02T06:00:00.000Z',
    });
    expect(run!.destinations).toEqual([
      `file:${path.join(out, 'nightly-risk-20260302T060000Z.csv')}`,
    ]);
  });
});

describe('cairn serve --config', () => {
  it('refuses an unknown key with the file and field named, before the server starts', async () => {
    const config = path.join(dir, 'bad.yaml');
    writeFileSync(
      config,
      'exports:\n  - name: a\n    cron: "0 6 * * *"\n    format: csv\n    directory: out\n    email: x@example.com\n',
    );
    const result = await cairn(['serve', '--port', '0', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cairn: --config ${config}: in "exports.0": unknown field "email"\n`,
    );
  });
});

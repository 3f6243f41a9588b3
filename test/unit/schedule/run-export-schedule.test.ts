import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors/cairn-error.js';
import { recordSkipped, runExportSchedule } from '../../../src/schedule/run-export-schedule.js';
import { memoryLog, memoryStore, schedule } from './schedule-fakes.js';

const START = new Date('2026-03-01T06:00:00.000Z');

/** Produces `body`, after failing `failures` times with `error`. */
function flaky(
  failures: number,
  error: Error = new Error('database unavailable'),
  body = '{"kind":"path"}\n',
) {
  let calls = 0;
  return {
    calls: () => calls,
    produce: () =>
      (async function* () {
        calls += 1;
        await Promise.resolve();
        if (calls <= failures) throw error;
        yield body;
      })(),
  };
}

function deps(produce: () => AsyncIterable<string>) {
  const store = memoryStore();
  const log = memoryLog();
  const waits: number[] = [];
  return {
    store,
    log,
    waits,
    produce,
    now: () => START,
    sleep: (ms: number) => Promise.resolve(void waits.push(ms)),
  };
}

describe('runExportSchedule', () => {
  it('retries a failed attempt with exponential backoff, then writes the file and records SUCCEEDED', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-run-'));
    const source = flaky(2);
    const d = deps(source.produce);
    const run = await runExportSchedule(schedule({ directory: dir, backoffMs: 1_000 }), d);
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 3, error: null });
    expect(d.waits).toEqual([1_000, 2_000]);
    const file = path.join(dir, 'nightly-risk-20260301T060000Z.ndjson');
    expect(run.destinations).toEqual([`file:${file}`]);
    expect(readFileSync(file, 'utf8')).toBe('{"kind":"path"}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // No staging file is left behind.
    expect(readdirSync(dir)).toEqual(['nightly-risk-20260301T060000Z.ndjson']);
    expect(d.store.saved.map((r) => r.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(d.log.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('records FAILED with attempts and a one-line error after the last retry, and logs it as an error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-run-'));
    const d = deps(flaky(99, new Error('connection refused\nat somewhere')).produce);
    const run = await runExportSchedule(schedule({ directory: dir, retries: 2 }), d);
    expect(run).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      error: 'connection refused',
      destinations: [],
    });
    expect(d.waits).toEqual([1_000, 2_000]);
    expect(d.store.saved.at(-1)).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      finishedAt: START.toISOString(),
    });
    const errors = d.log.lines.filter((l) => l.level === 'error');
    expect(errors.map((l) => l.message)).toEqual(['scheduled export failed']);
    expect(errors[0]?.fields).toMatchObject({
      schedule: 'nightly-risk',
      attempts: 3,
      error: 'connection refused',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not retry bad input such as no analysis yet', async () => {
    const d = deps(
      flaky(99, new BadInputError('no attack paths stored yet: run `cairn analyze` first')).produce,
    );
    const run = await runExportSchedule(
      schedule({ directory: mkdtempSync(path.join(tmpdir(), 'cairn-run-')) }),
      d,
    );
    expect(run).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.error).toContain('cairn analyze');
    expect(d.waits).toEqual([]);
  });

  it('removes credentials from the recorded error', async () => {
    const d = deps(flaky(99, new Error('auth failed: password=hunter2 for neo4j')).produce);
    const run = await runExportSchedule(
      schedule({ directory: mkdtempSync(path.join(tmpdir(), 'cairn-run-')), retries: 0 }),
      d,
    );
    expect(run.error).not.toContain('hunter2');
  });

  it('stops retrying when the server is stopping, and still records the run', async () => {
    const stopping = new AbortController();
    const d = deps(flaky(99).produce);
    const run = await runExportSchedule(
      schedule({ directory: mkdtempSync(path.join(tmpdir(), 'cairn-run-')) }),
      {
        ...d,
        signal: stopping.signal,
        sleep: () => {
          stopping.abort();
          return Promise.reject(new Error('aborted'));
        },
      },
    );
    expect(run).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.error).toContain('shutting down');
    expect(d.store.saved.at(-1)?.status).toBe('FAILED');
  });

  it('logs, rather than loses, a run whose record cannot be saved', async () => {
    const d = deps(flaky(0).produce);
    const run = await runExportSchedule(
      schedule({ directory: mkdtempSync(path.join(tmpdir(), 'cairn-run-')) }),
      {
        ...d,
        store: { save: () => Promise.reject(new Error('database down')) },
      },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(
      d.log.lines.filter((l) => l.message === 'could not record a scheduled export run'),
    ).toHaveLength(2);
  });

  it('records a skipped firing', async () => {
    const d = deps(flaky(0).produce);
    const run = await recordSkipped(schedule(), START, d);
    expect(run).toMatchObject({ status: 'SKIPPED', attempts: 0, schedule: 'nightly-risk' });
    expect(d.store.saved).toEqual([run]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local-neo4j.js';
import { Neo4jRuntimeError } from '../../src/errors/cairn-error.js';
import { cairn } from '../support/cli.js';

// A private state dir and port, so stopping it never touches the Neo4j other suites use.
const stateDir = mkdtempSync(path.join(tmpdir(), 'cairn-neo4j-'));
const port = 27000 + Math.floor(Math.random() * 1000);
const options = { stateDir, port };

afterAll(async () => {
  await stopLocalNeo4j(options);
}, 120_000);

describe('the local Neo4j', () => {
  it('starts, and a second start reuses the running one', async () => {
    expect(localNeo4jStatus(options).running).toBe(false);
    const first = await startLocalNeo4j(options);
    expect(first).toMatchObject({ reused: false, uri: `bolt://127.0.0.1:${port}`, user: 'neo4j' });
    const second = await startLocalNeo4j(options);
    expect(second).toMatchObject({ reused: true, pid: first.pid, password: first.password });
    expect(localNeo4jStatus(options)).toMatchObject({ running: true, pid: first.pid, port });
    // The generated password is readable by its owner only.
    expect(statSync(path.join(stateDir, 'neo4j', 'password')).mode & 0o077).toBe(0);
  });

  it('stops cleanly, then starts again with the same data and password', async () => {
    const before = localNeo4jStatus(options);
    expect(await stopLocalNeo4j(options)).toEqual({ stopped: true, pid: before.pid });
    expect(localNeo4jStatus(options).running).toBe(false);
    expect(await stopLocalNeo4j(options)).toEqual({ stopped: false });
    const again = await startLocalNeo4j(options);
    expect(again.reused).toBe(false);
    expect(again.pid).not.toBe(before.pid);
  });

  it('adopts its own running instance when the run files were lost, instead of orphaning it', async () => {
    const running = localNeo4jStatus(options);
    expect(running.running).toBe(true);
    rmSync(path.join(stateDir, 'neo4j', 'run'), { recursive: true, force: true });
    mkdirSync(path.join(stateDir, 'neo4j', 'run'));
    const again = await startLocalNeo4j(options);
    expect(again).toMatchObject({ reused: true, pid: running.pid });
    expect(localNeo4jStatus(options)).toMatchObject({ running: true, pid: running.pid });
  });

  it('reports a port held by another process instead of fighting for it', async () => {
    const busyPort = port + 1000;
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(busyPort, '127.0.0.1', resolve));
    try {
      const error = await startLocalNeo4j({
        stateDir: mkdtempSync(path.join(tmpdir(), 'cairn-busy-')),
        port: busyPort,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jRuntimeError);
      expect((error as Error).message).toBe(
        `port ${busyPort} on 127.0.0.1 is in use by another process; set CAIRN_NEO4J_PORT to a free port or NEO4J_URI to use that server`,
      );
    } finally {
      server.close();
    }
  });
});

describe('cairn neo4j start|stop|status (the commands)', () => {
  const env = {
    CAIRN_HOME: mkdtempSync(path.join(tmpdir(), 'cairn-cli-neo4j-')),
    CAIRN_NEO4J_PORT: String(port + 500),
  };
  const pidOf = (out: string): string | undefined => /pid (\d+)/.exec(out)?.[1];

  afterAll(async () => {
    await cairn(['neo4j', 'stop'], env);
  }, 120_000);

  it('start twice reuses the first; stop then start works', async () => {
    const first = await cairn(['neo4j', 'start'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^started: bolt://127\\.0\\.0\\.1:${port + 500} \\(pid \\d+`),
    );
    const second = await cairn(['neo4j', 'start'], env);
    expect(second.stdout).toMatch(/^already running: /);
    expect(pidOf(second.stdout)).toBe(pidOf(first.stdout));

    const stopped = await cairn(['neo4j', 'stop'], env);
    expect(stopped.stdout).toBe(`stopped (pid ${pidOf(first.stdout)})\n`);
    expect((await cairn(['neo4j', 'status'], env)).stdout).toMatch(/^stopped /);

    const again = await cairn(['neo4j', 'start'], env);
    expect(again.stdout).toMatch(/^started: /);
    expect(pidOf(again.stdout)).not.toBe(pidOf(first.stdout));
    expect((await cairn(['neo4j', 'status'], env)).stdout).toMatch(/^running: /);
  }, 240_000);
});

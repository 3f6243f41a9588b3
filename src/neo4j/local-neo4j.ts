import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  closeSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { Neo4jRuntimeError } from '../errors/cairn-error.js';
import { ensureLauncherBuilt } from './launcher-build.js';
import { launcherJar, launcherLibs, localLayout, type LocalLayout } from './local-layout.js';
import { memorySettings, renderNeo4jConf } from './neo4j-conf.js';
import { isAlive, portAnswers, waitForExit } from './process-control.js';
import { findLauncherProcess } from './find-launcher.js';
import { withStartLock } from './start-lock.js';

export interface LocalNeo4jOptions {
  /** Defaults to `.cairn` in the working directory (or CAIRN_HOME). */
  readonly stateDir?: string;
  readonly port?: number;
}

export interface LocalNeo4jInfo {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  readonly port: number;
  /** True when an already running instance was reused. */
  readonly reused: boolean;
  readonly logPath: string;
  readonly dataDir: string;
}

export interface LocalNeo4jStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly port: number;
  readonly uri: string;
  readonly dataDir: string;
  readonly logPath: string;
}

interface PidFile {
  pid: number;
  port: number;
  startedAt: string;
}

const uriFor = (port: number): string => `bolt://127.0.0.1:${port}`;

/** Starts the project's Neo4j, or reuses the one already running for this state directory. */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4jInfo> {
  const layout = localLayout(options);
  const timeoutMs = startTimeoutMs();
  for (const dir of [
    layout.home,
    layout.logs,
    path.dirname(layout.conf),
    path.dirname(layout.pidFile),
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  return withStartLock(layout.lockFile, timeoutMs, async () => {
    const password = readOrCreatePassword(layout);
    const running = readPidFile(layout) ?? adoptOrphan(layout);
    if (running && isAlive(running.pid)) {
      // Never clear a live instance's files: it may still be starting.
      if (!existsSync(layout.readyFile)) {
        // Starting (wait for it), or running with its ready file lost (Bolt answers: mark it).
        if (await boltAnswers(running.port, password))
          writeFileSync(layout.readyFile, `${running.pid}\n`);
        else await waitUntilReady(layout, running.pid, password, timeoutMs);
      }
      await verifyBolt(running.port, password, layout);
      return info(layout, running, password, true);
    }
    clearRunFiles(layout);
    if (await portAnswers(layout.port)) {
      throw new Neo4jRuntimeError(
        `port ${layout.port} on 127.0.0.1 is in use by another process; set CAIRN_NEO4J_PORT to a free port or NEO4J_URI to use that server`,
      );
    }
    await ensureLauncherBuilt(layout.buildLog);
    const memory = memorySettings();
    writeFileSync(
      layout.conf,
      renderNeo4jConf({ port: layout.port, memory, logsDir: layout.logs }),
    );
    const pid = spawnLauncher(layout, password, memory.heapMb);
    const started: PidFile = { pid, port: layout.port, startedAt: new Date().toISOString() };
    writeFileSync(layout.pidFile, `${JSON.stringify(started)}\n`);
    await waitUntilReady(layout, pid, password, timeoutMs);
    return info(layout, started, password, false);
  });
}

/** Stops the local Neo4j cleanly (SIGTERM, then SIGKILL after a minute). */
export async function stopLocalNeo4j(
  options: LocalNeo4jOptions = {},
): Promise<{ stopped: boolean; pid?: number }> {
  const layout = localLayout(options);
  // Under the start lock: a stop must never remove the files of an instance being started.
  return withStartLock(layout.lockFile, startTimeoutMs(), async () => {
    const running = readPidFile(layout) ?? adoptOrphan(layout);
    if (!running || !isAlive(running.pid)) {
      clearRunFiles(layout);
      return { stopped: false };
    }
    process.kill(running.pid, 'SIGTERM');
    if (!(await waitForExit(running.pid, 60_000))) {
      process.kill(running.pid, 'SIGKILL');
      await waitForExit(running.pid, 10_000);
    }
    clearRunFiles(layout);
    return { stopped: true, pid: running.pid };
  });
}

export function localNeo4jStatus(options: LocalNeo4jOptions = {}): LocalNeo4jStatus {
  const layout = localLayout(options);
  const running = readPidFile(layout);
  const alive = running !== undefined && isAlive(running.pid) && existsSync(layout.readyFile);
  const port = alive ? running.port : layout.port;
  return {
    running: alive,
    ...(alive ? { pid: running.pid } : {}),
    port,
    uri: uriFor(port),
    dataDir: layout.home,
    logPath: layout.launcherLog,
  };
}

function spawnLauncher(layout: LocalLayout, password: string, heapMb: number): number {
  const log = openSync(layout.launcherLog, 'a');
  const classpath = [launcherJar, path.join(launcherLibs, '*')].join(path.delimiter);
  const child = spawn(
    'java',
    [
      `-Xms${heapMb}m`,
      `-Xmx${heapMb}m`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      'dev.cairn.neo4j.Launcher',
      layout.home,
      layout.conf,
      layout.readyFile,
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, CAIRN_NEO4J_PASSWORD: password },
    },
  );
  closeSync(log);
  child.unref();
  if (child.pid === undefined) {
    throw new Neo4jRuntimeError('could not start Java; Java 17 is needed to run the local Neo4j');
  }
  return child.pid;
}

async function waitUntilReady(
  layout: LocalLayout,
  pid: number,
  password: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      clearRunFiles(layout);
      throw new Neo4jRuntimeError(
        `Neo4j stopped while starting: ${lastLogLine(layout)}; see ${layout.launcherLog}`,
      );
    }
    if (existsSync(layout.readyFile)) {
      await verifyBolt(layout.port, password, layout);
      return;
    }
    await sleep(250);
  }
  process.kill(pid, 'SIGTERM');
  await waitForExit(pid, 30_000);
  clearRunFiles(layout);
  throw new Neo4jRuntimeError(
    `Neo4j did not answer within ${timeoutMs / 1000} s; see ${layout.launcherLog}`,
  );
}

async function boltAnswers(port: number, password: string): Promise<boolean> {
  const driver = neo4j.driver(uriFor(port), neo4j.auth.basic('neo4j', password), {
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function verifyBolt(port: number, password: string, layout: LocalLayout): Promise<void> {
  const driver = neo4j.driver(uriFor(port), neo4j.auth.basic('neo4j', password), {
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
    throw new Neo4jRuntimeError(
      `the local Neo4j does not answer on Bolt (${reason}); see ${layout.launcherLog}`,
      {
        cause: error,
      },
    );
  } finally {
    await driver.close();
  }
}

/** A launcher of this state dir whose pid file was lost: take it back rather than orphan it. */
function adoptOrphan(layout: LocalLayout): PidFile | undefined {
  const pid = findLauncherProcess(layout.readyFile);
  if (pid === undefined) return undefined;
  const adopted: PidFile = { pid, port: portOfConf(layout), startedAt: new Date().toISOString() };
  writeFileSync(layout.pidFile, `${JSON.stringify(adopted)}\n`);
  return adopted;
}

function portOfConf(layout: LocalLayout): number {
  try {
    const match = /^server\.bolt\.listen_address=127\.0\.0\.1:(\d+)$/m.exec(
      readFileSync(layout.conf, 'utf8'),
    );
    return match?.[1] ? Number(match[1]) : layout.port;
  } catch {
    return layout.port;
  }
}

function readOrCreatePassword(layout: LocalLayout): string {
  if (existsSync(layout.passwordFile)) return readFileSync(layout.passwordFile, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(layout.passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

function readPidFile(layout: LocalLayout): PidFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(layout.pidFile, 'utf8')) as Partial<PidFile>;
    if (typeof parsed.pid === 'number' && typeof parsed.port === 'number') {
      return { pid: parsed.pid, port: parsed.port, startedAt: String(parsed.startedAt) };
    }
  } catch {
    // no pid file, or a damaged one: treated as not running
  }
  return undefined;
}

function clearRunFiles(layout: LocalLayout): void {
  rmSync(layout.pidFile, { force: true });
  rmSync(layout.readyFile, { force: true });
}

function lastLogLine(layout: LocalLayout): string {
  try {
    const lines = readFileSync(layout.launcherLog, 'utf8').trim().split('\n');
    return (lines.findLast((line) => /error|exception/i.test(line)) ?? lines.at(-1) ?? '').slice(
      0,
      300,
    );
  } catch {
    return 'no log';
  }
}

function info(
  layout: LocalLayout,
  pidFile: PidFile,
  password: string,
  reused: boolean,
): LocalNeo4jInfo {
  return {
    uri: uriFor(pidFile.port),
    user: 'neo4j',
    password,
    pid: pidFile.pid,
    port: pidFile.port,
    reused,
    logPath: layout.launcherLog,
    dataDir: layout.home,
  };
}

function startTimeoutMs(): number {
  const seconds = Number(process.env['CAIRN_NEO4J_START_TIMEOUT']);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 180) * 1000;
}

import path from 'node:path';
import { packageRoot, stateDir } from '../config/paths.js';

/** Where the local Neo4j keeps its files: data and logs in the state dir, binaries in the package. */
export interface LocalLayout {
  readonly root: string;
  readonly home: string;
  readonly logs: string;
  readonly conf: string;
  readonly pidFile: string;
  readonly readyFile: string;
  readonly lockFile: string;
  readonly passwordFile: string;
  readonly launcherLog: string;
  readonly buildLog: string;
  readonly port: number;
}

export const DEFAULT_PORT = 17687;

export const launcherDir = path.join(packageRoot, 'scripts', 'neo4j');
export const launcherJar = path.join(launcherDir, 'target', 'cairn-neo4j-launcher-1.0.0.jar');
export const launcherLibs = path.join(launcherDir, 'target', 'lib');

export function localLayout(options: { stateDir?: string; port?: number } = {}): LocalLayout {
  const root = path.join(options.stateDir ?? stateDir(), 'neo4j');
  const logs = path.join(root, 'logs');
  const run = path.join(root, 'run');
  return {
    root,
    home: path.join(root, 'home'),
    logs,
    conf: path.join(root, 'conf', 'neo4j.conf'),
    pidFile: path.join(run, 'neo4j.pid'),
    readyFile: path.join(run, 'ready'),
    lockFile: path.join(run, 'start.lock'),
    passwordFile: path.join(root, 'password'),
    launcherLog: path.join(logs, 'launcher.log'),
    buildLog: path.join(logs, 'build.log'),
    port: options.port ?? portFromEnv(),
  };
}

function portFromEnv(): number {
  const raw = process.env['CAIRN_NEO4J_PORT'];
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PORT;
}

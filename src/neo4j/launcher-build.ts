import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Neo4jRuntimeError } from '../errors/cairn-error.js';
import { launcherDir, launcherJar, launcherLibs } from './local-layout.js';

const SOURCES = [
  path.join(launcherDir, 'pom.xml'),
  path.join(launcherDir, 'src', 'main', 'java', 'dev', 'cairn', 'neo4j', 'Launcher.java'),
];

/** True when the launcher jar and its libraries exist and are newer than what builds them. */
export function launcherIsBuilt(): boolean {
  if (!existsSync(launcherJar) || !existsSync(launcherLibs)) return false;
  const built = statSync(launcherJar).mtimeMs;
  return SOURCES.every((source) => statSync(source).mtimeMs <= built);
}

/**
 * Builds the launcher with Maven: the first time this downloads Neo4j 5.26 from Maven Central
 * (into ~/.m2) and copies its jars next to the launcher. Output goes to `buildLog`.
 */
export async function ensureLauncherBuilt(buildLog: string): Promise<void> {
  if (launcherIsBuilt()) return;
  mkdirSync(path.dirname(buildLog), { recursive: true });
  const log = createWriteStream(buildLog, { flags: 'w' });
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'spawn failed'));
    child.on('exit', (exitCode) => resolve(exitCode ?? 'killed'));
  });
  await new Promise((resolve) => log.end(resolve));
  if (code === 'ENOENT') {
    throw new Neo4jRuntimeError(
      'Maven (mvn) is not installed; it is needed once to fetch Neo4j 5.26 (and Java 17 to run it)',
    );
  }
  if (code !== 0 || !launcherIsBuilt()) {
    throw new Neo4jRuntimeError(
      `building the Neo4j launcher with Maven failed (exit ${code}); see ${buildLog}`,
    );
  }
}

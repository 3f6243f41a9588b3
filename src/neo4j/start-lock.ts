import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Neo4jRuntimeError } from '../errors/cairn-error.js';
import { isAlive } from './process-control.js';

/**
 * Runs `work` holding a lock file, so two processes starting the local Neo4j at once (a test run
 * and a CLI, say) start one JVM between them. A lock whose holder died is taken over.
 */
export async function withStartLock<T>(
  lockFile: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readQuietly(lockFile));
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        unlinkQuietly(lockFile);
        continue;
      }
      if (Date.now() > deadline) {
        throw new Neo4jRuntimeError(
          `another process (pid ${holder}) is starting the local Neo4j; lock ${lockFile}`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    unlinkQuietly(lockFile);
  }
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

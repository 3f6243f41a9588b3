import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../errors/cairn-error.js';
import { flattenGraphRecords, type GraphRecords } from '../../records/graph-records.js';
import { scopeKey, type ScopeRef } from '../../records/scope-ref.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './read-snapshot.js';

/** Scope ids whose `/` can become `_` without two scopes ever sharing a name. */
const PLAIN_ID = /^[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)*$/;
const MAX_NAME = 180;

/**
 * The snapshot file name of a scope, e.g. `aws_123456789012_us-east-1_ec2.json`: readable, made
 * of letters, digits, `.`, `-` and `_` only. An id that would not map back unambiguously (or is
 * very long) gets `+` and a digest of the scope key, so two scopes never share a file.
 */
export function snapshotFileName(scope: ScopeRef): string {
  const provider = scope.provider.toLowerCase();
  const readable = `${provider}_${scope.id.replace(/[^A-Za-z0-9.-]/g, '_')}`;
  if (PLAIN_ID.test(scope.id) && readable.length <= MAX_NAME) return `${readable}.json`;
  const digest = createHash('sha256').update(scopeKey(scope)).digest('hex').slice(0, 16);
  return `${readable.slice(0, MAX_NAME)}+${digest}.json`;
}

/** Creates `dir` if needed; refuses a path that exists and is not a directory. */
export async function prepareSnapshotDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new BadInputError(`${dir}: exists and is not a directory (snapshots go into one)`);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new BadInputError(`${dir}: cannot create the snapshot directory (${code})`);
  }
}

/**
 * Writes one scope's records into `dir` as the Cairn snapshot `readSnapshot` (and `cairn import
 * snapshot`) reads, replacing an earlier snapshot of the same scope. Returns the file's path.
 */
export async function writeSnapshot(dir: string, records: GraphRecords): Promise<string> {
  const file = path.join(dir, snapshotFileName(records.scope));
  const snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    ...flattenGraphRecords(records),
  };
  // Written aside then renamed: an interrupted scan never leaves half a snapshot behind.
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, `${JSON.stringify(snapshot, null, 2)}\n`, { mode: 0o600 });
    await rename(partial, file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new BadInputError(`${file}: cannot write the snapshot (${code})`);
  }
  return file;
}

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes an export's chunks to a hidden temporary file in `dir` (owner-only: it describes
 * weaknesses) and returns its path; nothing is left behind if producing or writing fails.
 */
export async function stageExport(dir: string, chunks: AsyncIterable<string>): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.cairn-export.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    for await (const chunk of chunks) await handle.write(chunk);
    await handle.close();
    return temp;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Renames a staged file into place: readers see the whole file or none of it. */
export async function commitStaged(temp: string, target: string): Promise<void> {
  await rename(temp, target);
}

/** `<name>-<UTC timestamp>.<ext>`, e.g. `nightly-risk-20260102T060000Z.ndjson`. */
export function exportFileName(name: string, at: Date, extension: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${name}-${stamp}.${extension}`;
}

import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../errors/cairn-error.js';

/** Where an export goes: written piece by piece, then committed (or abandoned on failure). */
export interface OutputSink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Opens the destination before any work starts, so a bad `--out` fails at once: stdout when `out`
 * is absent, else a temporary file beside `out` that is renamed over it only once the export is
 * complete; a failed export never leaves a half-written file behind.
 */
export async function openOutput(out: string | undefined): Promise<OutputSink> {
  return out === undefined ? stdoutSink() : fileSink(out);
}

/** Writes every chunk, then commits; on any failure abandons the output and rethrows. */
export async function writeAll(
  sink: OutputSink,
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  try {
    for await (const chunk of chunks) await sink.write(chunk);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if (error instanceof ReaderGone) return;
    throw error;
  }
}

/** The reader of stdout went away (`| head`): stop quietly, as other command-line tools do. */
class ReaderGone extends Error {}

function stdoutSink(): OutputSink {
  let gone = false;
  const onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') gone = true;
  };
  process.stdout.on('error', onError);
  const done = (): void => {
    process.stdout.off('error', onError);
  };
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (gone) {
          reject(new ReaderGone());
          return;
        }
        process.stdout.write(text, (error) => {
          if (!error) resolve();
          else reject((error as NodeJS.ErrnoException).code === 'EPIPE' ? new ReaderGone() : error);
        });
      }),
    commit: () => Promise.resolve(done()),
    abort: () => Promise.resolve(done()),
  };
}

async function fileSink(out: string): Promise<OutputSink> {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  const existing = await statOrUndefined(target);
  if (existing?.isDirectory()) throw new BadInputError(`--out ${out}: is a directory`);
  const parent = await statOrUndefined(dir);
  if (!parent?.isDirectory()) {
    throw new BadInputError(`--out ${out}: directory ${dir} does not exist`);
  }
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let handle: FileHandle;
  try {
    // Findings describe weaknesses: readable by the owner only, like the Neo4j password file.
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    throw new BadInputError(`--out ${out}: cannot write in ${dir} (${codeOf(error)})`, {
      cause: error,
    });
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: async (text) => {
      await handle.write(text);
    },
    commit: async () => {
      await close();
      try {
        await rename(temp, target);
      } catch (error) {
        throw new BadInputError(`--out ${out}: cannot replace it (${codeOf(error)})`, {
          cause: error,
        });
      }
    },
    abort: async () => {
      await close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

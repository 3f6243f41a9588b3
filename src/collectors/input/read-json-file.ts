import { readFile, stat } from 'node:fs/promises';
import { BadInputError } from '../../errors/cairn-error.js';

/** Above this a file is refused rather than exhausting memory; CAIRN_MAX_INPUT_MB raises it. */
export function maxInputBytes(): number {
  const mb = Number(process.env['CAIRN_MAX_INPUT_MB']);
  // V8 cannot hold a string much over 512 MiB, so JSON.parse could not read more anyway.
  return (Number.isFinite(mb) && mb > 0 ? Math.min(mb, 512) : 512) * 1024 * 1024;
}

/** Reads and parses one JSON file; every failure is a one-line BadInputError naming the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new BadInputError(`${file}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(`${file}: cannot read (${codeOf(error)})`, { cause: error });
  }
  if (size > maxInputBytes()) {
    throw new BadInputError(
      `${file}: ${Math.ceil(size / 1048576)} MiB is larger than the ${maxInputBytes() / 1048576} MiB input limit; split it into pages`,
    );
  }
  const text = await readFile(file, 'utf8');
  if (text.trim() === '') throw new BadInputError(`${file}: empty file, expected JSON`);
  return parseJson(text, file);
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = errorPosition(message, text);
    const end = text.trimEnd().length;
    const truncated = /end of (JSON )?input/i.test(message) || (position ?? 0) >= end;
    const at = position === undefined ? '' : ` at ${lineAndColumn(text, Math.min(position, end))}`;
    const what = truncated ? 'truncated JSON (it ends too early)' : 'invalid JSON';
    throw new BadInputError(`${where}: ${what}${at}`, { cause: error });
  }
}

/** V8 reports either `at position N` or a snippet of the text around the offending token. */
function errorPosition(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const snippet = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  if (!snippet) return undefined;
  const index = text.indexOf(snippet);
  // The snippet shows up to ten characters on each side of the offending token.
  return index < 0 ? undefined : index + Math.min(10, Math.max(0, snippet.length - 1));
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line} column ${position - lineStart + 1}`;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unreadable';
}

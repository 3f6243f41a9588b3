import { readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';

/** Rule and framework files are small; a huge one is a mistake, not something to parse. */
const MAX_BYTES = 2 * 1024 * 1024;

/** Reads one YAML document; returns a one-line reason instead of throwing. */
export async function readYamlFile(
  file: string,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  try {
    const info = await stat(file);
    if (info.size > MAX_BYTES) return { ok: false, reason: `larger than ${MAX_BYTES} bytes` };
    const text = await readFile(file, 'utf8');
    if (text.trim() === '') return { ok: false, reason: 'empty file' };
    // Unique keys: a key written twice would silently keep one of the two values.
    return { ok: true, value: parse(text, { uniqueKeys: true, maxAliasCount: 50 }) as unknown };
  } catch (error) {
    return { ok: false, reason: yamlReason(error) };
  }
}

function yamlReason(error: unknown): string {
  const { code, linePos, message } = error as {
    code?: string;
    linePos?: readonly { line: number; col: number }[];
    message?: string;
  };
  const at = linePos?.[0];
  if (at) {
    const first = String(message ?? code ?? 'error').split('\n')[0] ?? '';
    return `not valid YAML at line ${at.line}, column ${at.col}: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  return `cannot read (${code ?? 'error'})`;
}

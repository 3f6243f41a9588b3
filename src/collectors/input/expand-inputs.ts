import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../errors/cairn-error.js';

/** Files named on the command line, with directories replaced by their files of `extension`. */
export async function expandInputs(paths: readonly string[], extension: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of paths) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new BadInputError(`${input}: no such file or directory`);
    }
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = (await readdir(input)).filter((name) => name.endsWith(extension)).sort();
    if (entries.length === 0)
      throw new BadInputError(`${input}: no ${extension} files in directory`);
    files.push(...entries.map((name) => path.join(input, name)));
  }
  return files;
}

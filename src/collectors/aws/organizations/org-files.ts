import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../../errors/cairn-error.js';
import { readJsonFile } from '../../input/read-json-file.js';

/**
 * The outputs of `aws organizations ...` commands, keyed by their path in the documented layout
 * (`list-roots.json`, `describe-policy/p-abc.json`, ...): read from a directory, or from one
 * bundle file whose keys are those paths.
 */
export type OrgFiles = ReadonlyMap<string, { readonly source: string; readonly json: unknown }>;

export async function readOrgFiles(input: string): Promise<OrgFiles> {
  const files = new Map<string, { source: string; json: unknown }>();
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new BadInputError(`${input}: no such file or directory`);
  }
  if (info.isDirectory()) {
    for (const relative of await listJson(input, '')) {
      const source = path.join(input, relative);
      files.set(relative.split(path.sep).join('/'), { source, json: await readJsonFile(source) });
    }
    return files;
  }
  const bundle = await readJsonFile(input);
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) {
    throw new BadInputError(
      `${input}: expected a directory, or an object of command outputs keyed by file path`,
    );
  }
  for (const [key, json] of Object.entries(bundle))
    files.set(key, { source: `${input}: "${key}"`, json });
  return files;
}

async function listJson(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listJson(root, relative)));
    else if (entry.name.endsWith('.json')) out.push(relative);
  }
  return out.sort();
}

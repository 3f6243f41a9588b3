import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describeIssue } from '../../records/describe-issue.js';
import type { CatalogProblem } from './catalog-problem.js';
import { frameworkFileSchema, type Framework } from './framework-schema.js';
import { readYamlFile } from './read-yaml-file.js';

/** Every valid `frameworks/*.yaml` under the rules directory, and why the others were not. */
export async function loadFrameworks(
  rulesDir: string,
  display: (file: string) => string,
): Promise<{ frameworks: Framework[]; attempted: Set<string>; problems: CatalogProblem[] }> {
  const dir = path.join(rulesDir, 'frameworks');
  const names = await yamlNames(dir);
  const frameworks: Framework[] = [];
  const problems: CatalogProblem[] = [];
  // Ids of every framework file, valid or not, so a rule naming a broken one is not blamed too.
  const attempted = new Set(names.map((name) => name.replace(/\.ya?ml$/, '')));
  for (const name of names) {
    const file = path.join(dir, name);
    const shown = display(file);
    const read = await readYamlFile(file);
    if (!read.ok) {
      problems.push({ file: shown, message: read.reason });
      continue;
    }
    const parsed = frameworkFileSchema.safeParse(read.value);
    if (!parsed.success) {
      problems.push({ file: shown, message: describeIssue(parsed.error.issues[0]!) });
      continue;
    }
    const expected = name.replace(/\.ya?ml$/, '');
    if (parsed.data.id !== expected) {
      problems.push({
        file: shown,
        message: `field "id": "${parsed.data.id}" must equal the file name "${expected}"`,
      });
      continue;
    }
    frameworks.push({ ...parsed.data, file: shown });
  }
  return { frameworks, attempted, problems };
}

export async function yamlNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

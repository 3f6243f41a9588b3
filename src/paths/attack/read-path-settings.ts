import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';
import { readYamlFile } from '../../rules/catalog/read-yaml-file.js';
import { DEFAULT_PATH_SETTINGS, pathSettingsSchema, type PathSettings } from './path-settings.js';

/**
 * The attack-path settings file (YAML, or JSON, which YAML reads too); without one, the defaults.
 * Any problem refuses the file, naming it and the field, before the graph is touched.
 */
export async function readPathSettings(file: string | undefined): Promise<PathSettings> {
  if (file === undefined) return DEFAULT_PATH_SETTINGS;
  const read = await readYamlFile(file);
  if (!read.ok) throw new BadInputError(`${file}: ${read.reason}`);
  const parsed = pathSettingsSchema.safeParse(read.value ?? {});
  if (!parsed.success)
    throw new BadInputError(`${file}: ${describeIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}

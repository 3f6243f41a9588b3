import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';
import { readYamlFile } from '../catalog/read-yaml-file.js';
import {
  NAMES_NOTHING,
  namesSomething,
  suppressionFields,
  type Suppression,
} from './suppression.js';

const fileSchema = z.strictObject({
  suppressions: z.array(
    z
      .strictObject({
        ...suppressionFields.shape,
        id: z
          .string()
          .regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be a short slug')
          .optional(),
      })
      .refine(namesSomething, NAMES_NOTHING),
  ),
});

/**
 * The reviewed suppressions file (docs/rules/suppressions.md). Any problem refuses the whole file,
 * so a half-read file never un-suppresses (or suppresses) by accident.
 */
export async function readSuppressionFile(file: string, now: string): Promise<Suppression[]> {
  const read = await readYamlFile(file);
  if (!read.ok) throw new BadInputError(`${file}: ${read.reason}`);
  const parsed = fileSchema.safeParse(read.value);
  if (!parsed.success)
    throw new BadInputError(`${file}: ${describeIssue(parsed.error.issues[0]!)}`);
  const ids = new Set<string>();
  return parsed.data.suppressions.map((entry, index) => {
    const { id: given, ...criteria } = entry;
    // Without an explicit id, the content names it: editing an entry makes it a new suppression.
    const id = `file:${given ?? createHash('sha256').update(JSON.stringify(criteria)).digest('hex').slice(0, 12)}`;
    if (ids.has(id)) {
      throw new BadInputError(
        `${file}: field "suppressions.${index}.id": ${id.slice(5)} is used twice`,
      );
    }
    ids.add(id);
    return { ...criteria, id, source: 'file' as const, createdAt: now };
  });
}

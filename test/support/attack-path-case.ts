import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { pathSettingsSchema, type PathSettings } from '../../src/paths/attack/path-settings.js';
import type { GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';

/** Attack-path cases (test/cases/attack-paths/README.md): an estate and the paths it must give. */
const nodeId = z.string().min(1);

const expectedPathSchema = z.strictObject({
  source: nodeId,
  target: nodeId,
  techniques: z.array(z.string().min(1)).min(1),
  band: z.enum(['critical', 'high', 'medium', 'low']).optional(),
  /** A part of the source's reason, e.g. `internet` (reasons of one entry are joined by commas). */
  sourceReason: z.string().min(1).optional(),
});

const caseSchema = z.strictObject({
  description: z.string().min(1),
  /** Why the case cannot pass yet (an engine bug); the harness skips it and says why. */
  skip: z.string().min(1).optional(),
  now: z.iso.datetime(),
  settings: z.record(z.string(), z.unknown()).optional(),
  marks: z
    .array(
      z.strictObject({
        kind: z.enum(['crownJewel', 'compromised']),
        target: nodeId,
        impact: z
          .enum(['admin', 'managementAccount', 'sensitiveStore', 'secret', 'key', 'store'])
          .optional(),
      }),
    )
    .default([]),
  scopes: z.array(z.record(z.string(), z.unknown())).min(1),
  expect: z
    .strictObject({
      paths: z.array(expectedPathSchema).default([]),
      absent: z.array(z.strictObject({ source: nodeId, target: nodeId })).default([]),
    })
    .refine(
      (e) => e.paths.length + e.absent.length > 0,
      'must expect at least one path or one absent pair',
    ),
});

export type ExpectedPath = z.infer<typeof expectedPathSchema>;
type Mark = z.infer<typeof caseSchema>['marks'][number];

export interface AttackPathCase {
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly skip: string | undefined;
  readonly now: Date;
  readonly settings: PathSettings;
  readonly marks: readonly Mark[];
  readonly scopes: readonly GraphRecords[];
  readonly paths: readonly ExpectedPath[];
  readonly absent: readonly { readonly source: string; readonly target: string }[];
}

export const ATTACK_PATH_CASES_DIR = 'test/cases/attack-paths';

export function attackPathCaseFiles(): string[] {
  return readdirSync(ATTACK_PATH_CASES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(ATTACK_PATH_CASES_DIR, file));
}

/** Reads and checks one case file; any mistake in it is one line naming the file and the field. */
export function readAttackPathCase(file: string): AttackPathCase {
  const parsed = caseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  const data = parsed.data;
  const settings = pathSettingsSchema.safeParse(data.settings ?? {});
  if (!settings.success) {
    throw new Error(`${file} settings: ${z.prettifyError(settings.error).replace(/\n/g, ' ')}`);
  }
  const scopes = data.scopes.map((scope, index) =>
    validateGraphRecords(scope, `${file} scopes[${index}]`),
  );
  // A mark or expectation naming a node the estate lacks would pass or fail for the wrong reason.
  const known = new Set(['internet', ...scopes.flatMap((s) => s.nodes.map((n) => n.id))]);
  const named = [
    ...data.marks.map((m, i) => [`marks[${i}].target`, m.target] as const),
    ...data.expect.paths.flatMap((p, i) => [
      [`expect.paths[${i}].source`, p.source] as const,
      [`expect.paths[${i}].target`, p.target] as const,
    ]),
    ...data.expect.absent.flatMap((p, i) => [
      [`expect.absent[${i}].source`, p.source] as const,
      [`expect.absent[${i}].target`, p.target] as const,
    ]),
  ];
  for (const [where, id] of named) {
    if (!known.has(id)) throw new Error(`${file}: ${where}: no node ${JSON.stringify(id)}`);
  }
  return {
    name: path.basename(file, '.json'),
    file,
    description: data.description,
    skip: data.skip,
    now: new Date(data.now),
    settings: settings.data,
    marks: data.marks,
    scopes,
    paths: data.expect.paths,
    absent: data.expect.absent,
  };
}

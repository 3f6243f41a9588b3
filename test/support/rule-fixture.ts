import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import type { GraphRecords } from '../../src/records/graph-records.js';

/** Rule fixtures (docs/rules/format.md): records to load and the status each resource must get. */
const fixtureSchema = z.strictObject({
  description: z.string().min(1),
  now: z.iso.datetime().optional(),
  analyze: z.boolean().default(false),
  scopes: z.array(z.record(z.string(), z.unknown())).min(1),
  expect: z
    .record(z.string(), z.enum(['PASS', 'FAIL', 'NOT_APPLICABLE']))
    .refine((expect) => Object.keys(expect).length > 0, 'must name at least one resource'),
});

export interface RuleFixture {
  readonly ruleId: string;
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly now: string;
  readonly analyze: boolean;
  readonly scopes: readonly GraphRecords[];
  readonly expect: Readonly<Record<string, 'PASS' | 'FAIL' | 'NOT_APPLICABLE'>>;
}

export const FIXTURES_DIR = 'test/cases/rules';
const DEFAULT_NOW = '2026-06-01T00:00:00.000Z';

/** The fixture folders of every rule: `<cloud>/<rule-id>` -> its json files. */
export function fixtureFolders(): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const cloud of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!cloud.isDirectory()) continue;
    for (const rule of readdirSync(path.join(FIXTURES_DIR, cloud.name), { withFileTypes: true })) {
      if (!rule.isDirectory()) continue;
      const dir = path.join(FIXTURES_DIR, cloud.name, rule.name);
      folders.set(
        rule.name,
        readdirSync(dir)
          .filter((file) => file.endsWith('.json'))
          .sort()
          .map((file) => path.join(dir, file)),
      );
    }
  }
  return folders;
}

export function readRuleFixture(ruleId: string, file: string): RuleFixture {
  const parsed = fixtureSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  const fixture = parsed.data;
  return {
    ruleId,
    name: path.basename(file, '.json'),
    file,
    description: fixture.description,
    now: fixture.now ? new Date(fixture.now).toISOString() : DEFAULT_NOW,
    analyze: fixture.analyze,
    scopes: fixture.scopes.map((scope, index) =>
      validateGraphRecords(scope, `${file} scopes[${index}]`),
    ),
    expect: fixture.expect,
  };
}

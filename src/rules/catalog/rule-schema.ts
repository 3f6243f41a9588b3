import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const text = z.string().trim().min(1, 'must not be empty');
/** Lower-case words joined by '-', so ids are safe in file names, URLs and CSV. */
export const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const relativeFile = z
  .string()
  .regex(/^[a-z0-9][a-z0-9/_.-]*\.cypher$/, 'must be a relative path ending in .cypher')
  .refine((file) => !file.split('/').includes('..'), 'must not leave cypher/rules/');

/** A rule file as written (`rules/<cloud>/<rule-id>.yaml`); see docs/rules/format.md. */
export const ruleFileSchema = z.strictObject({
  id: z.string().regex(RULE_ID, 'must be lower-case words joined by "-"'),
  title: text,
  description: text,
  rationale: text,
  severity: z.enum(SEVERITIES),
  resourceType: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a graph label'),
  check: z.strictObject({
    cypher: relativeFile,
    evaluator: z
      .string()
      .regex(/^[a-z0-9]+\/[a-z0-9-]+$/, 'must be <cloud>/<name>')
      .optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
  remediation: z.strictObject({
    text,
    cli: text.optional(),
    terraform: text.optional(),
  }),
  references: z.array(z.url('must be a URL')).min(1, 'must list at least one reference'),
  frameworks: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
  categories: z.array(z.string().regex(RULE_ID)).default([]),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;

/** A loaded rule: its file plus the check's query text and where it came from. */
export interface Rule extends RuleFile {
  readonly cloud: string;
  readonly file: string;
  readonly query: string;
}

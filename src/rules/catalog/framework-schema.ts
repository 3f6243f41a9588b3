import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

const controlSchema = z.strictObject({
  // Control ids are the framework's own (`1.7`, `AC-6(9)`, `164.312(b)`); quoted in YAML.
  id: z.string().trim().min(1, 'must not be empty').max(64),
  title: text,
  section: text.optional(),
  description: text.optional(),
  assessment: z.enum(['automated', 'manual']),
  level: text.optional(),
  rules: z.array(z.string().regex(/^[a-z0-9*?-]+$/, 'must be a rule id or glob')).default([]),
});

/** A framework file (`rules/frameworks/<id>.yaml`); see docs/rules/format.md. */
export const frameworkFileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case, digits, "-" and "."'),
    name: text,
    version: z.union([text, z.number().transform(String)]),
    source: z.url('must be a URL').optional(),
    description: text.optional(),
    controls: z.array(controlSchema).min(1, 'must list at least one control'),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.controls.forEach((control, index) => {
      if (seen.has(control.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', index, 'id'],
          message: `control "${control.id}" is listed twice`,
        });
      }
      seen.add(control.id);
    });
  });

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type FrameworkControl = FrameworkFile['controls'][number];

export interface Framework extends FrameworkFile {
  readonly file: string;
}

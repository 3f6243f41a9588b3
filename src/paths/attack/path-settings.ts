import { z } from 'zod';
import { riskModelSchema } from './risk-model.js';

const nodeId = z
  .string()
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .refine((id) => !/[\u0000-\u001f]/.test(id), 'must not hold control characters');

const targetKind = z.enum([
  'admin',
  'managementAccount',
  'sensitiveStore',
  'secret',
  'key',
  'store',
]);

/**
 * How the attack-path stage searches: the risk model, how many paths per (entry, crown jewel)
 * pair and how long, and which entry points and crown jewels it adds to or takes from the
 * defaults. Read from a YAML or JSON file (`cairn analyze --paths-config`, docs/analysis/
 * attack-paths.md); stored with each run so what-if and blast radius judge the same way.
 */
export const pathSettingsSchema = z.strictObject({
  riskModel: riskModelSchema.prefault({}),
  search: z
    .strictObject({
      k: z.number().int().min(1).max(20).default(3),
      maxHops: z.number().int().min(1).max(10).default(6),
      /** Paths stored per run at most, the likeliest kept: a bound on a huge estate's cost. */
      maxPaths: z.number().int().min(1).max(1_000_000).default(100_000),
    })
    .prefault({}),
  entries: z
    .strictObject({
      /** Use the default entry points (internet, weak credentials, federation, external trust). */
      defaults: z.boolean().default(true),
      /** An active access key older than this makes its user an entry point. */
      keyAgeDays: z.number().int().min(1).max(3650).default(90),
      /** Principals or resources to treat as already in the attacker's hands. */
      assumeCompromised: z.array(nodeId).max(10_000).default([]),
      exclude: z.array(nodeId).max(10_000).default([]),
    })
    .prefault({}),
  crownJewels: z
    .strictObject({
      defaults: z.boolean().default(true),
      include: z
        .array(z.strictObject({ id: nodeId, kind: targetKind.default('sensitiveStore') }))
        .max(10_000)
        .default([]),
      exclude: z.array(nodeId).max(10_000).default([]),
    })
    .prefault({}),
});

export type PathSettings = z.infer<typeof pathSettingsSchema>;
export type PathSettingsInput = z.input<typeof pathSettingsSchema>;

export const DEFAULT_PATH_SETTINGS: PathSettings = pathSettingsSchema.parse({});

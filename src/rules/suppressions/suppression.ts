import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty').max(2000);
const patterns = z.array(z.string().trim().min(1).max(2048)).max(1000).default([]);

/** The criteria of a suppression: every one given must hold; lists match any of their entries. */
export const suppressionFields = z.strictObject({
  /** Rule ids or globs (`aws-sg-*`). */
  rules: patterns,
  accounts: z.array(z.string().regex(/^\d{12}$/, 'must be a 12-digit account id')).default([]),
  regions: z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be a region name')).default([]),
  /** Resource ids or globs (`arn:aws:s3:::logs-*`). */
  resources: patterns,
  /** Tags the resource must carry, key -> value (`*` for any value). */
  tags: z.record(z.string().min(1).max(128), z.string().max(256)).default({}),
  reason: text,
  /** Who approved it. */
  by: text,
  /** When it stops applying (ISO date or datetime); absent: until removed. */
  expires: z
    .union([z.iso.datetime({ offset: true }), z.iso.date(), z.date()])
    .transform((value) =>
      new Date(
        value instanceof Date ? value : value.length === 10 ? `${value}T00:00:00Z` : value,
      ).toISOString(),
    )
    .optional(),
});

/** A suppression of everything would silently hide every finding. */
export function namesSomething(s: {
  rules: readonly string[];
  resources: readonly string[];
}): boolean {
  return s.rules.length > 0 || s.resources.length > 0;
}
export const NAMES_NOTHING =
  'must name at least one rule or resource (a suppression of everything is refused)';

export const suppressionCriteriaSchema = suppressionFields.refine(namesSomething, NAMES_NOTHING);

export type SuppressionCriteria = z.infer<typeof suppressionCriteriaSchema>;

/** A stored suppression (`CairnSuppression`). */
export interface Suppression extends SuppressionCriteria {
  readonly id: string;
  /** `file` (the reviewed YAML file, replaced on each load) or `api`. */
  readonly source: 'file' | 'api';
  readonly createdAt: string;
}

import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';
import type { RuleRow } from '../evaluator.js';

/** Validates a rule's `check.params` for an evaluator; a wrong value names the rule's resource. */
export function ruleParams<T>(schema: z.ZodType<T>, row: RuleRow): T {
  const parsed = schema.safeParse(row.params);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new BadInputError(
    `rule params for ${row.resource}: ${first ? describeIssue(first, ['params']) : 'invalid'}`,
  );
}

/** Ports to check: 0-65535, at least one, a short list. */
export const portList = z.array(z.number().int().min(0).max(65535)).min(1).max(64);

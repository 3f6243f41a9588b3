import type { z } from 'zod';

/** One zod issue as "field "a.b": expected string, received number" — short and specific. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[] = [],
): string {
  const path = [...prefix, ...issue.path].map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${path ? `in "${path}": ` : ''}unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return `${path ? `field "${path}": ` : ''}${issue.message}`;
}

/** Quotes a value from input for an error message without letting it run on or break the line. */
export function quoteInput(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

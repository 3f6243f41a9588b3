import type { TemplatePart } from './policy-variables.js';
import { partsToGlobSource } from './policy-variables.js';
import { escapeRegex } from './wildcard.js';

/** The resource part of an ARN starts after the fifth colon; it may itself contain colons. */
const RESOURCE_SEGMENT = 5;

/**
 * Regex source for an ARN pattern, matched segment by segment: in the first five segments a
 * wildcard stays inside its segment. For Resource elements AWS lets a `*` that ends a segment run
 * past colons (`crossAtSegmentEnd`); ArnLike conditions check each segment separately. Patterns
 * that are not ARNs (`*`, `my-bucket/*`) are plain globs.
 */
export function arnPatternSource(
  parts: readonly TemplatePart[],
  crossAtSegmentEnd: boolean,
): string {
  const first = parts[0];
  if (first?.kind !== 'text' || !first.text.startsWith('arn:')) return partsToGlobSource(parts);
  let segment = 0;
  let source = '';
  parts.forEach((part, i) => {
    if (part.kind === 'text') {
      for (const char of part.text) {
        if (char === ':') segment++;
        source += escapeRegex(char);
      }
      return;
    }
    const inResource = segment >= RESOURCE_SEGMENT;
    if (part.kind === 'one-char') {
      source += inResource ? '.' : '[^:]';
      return;
    }
    const next = parts[i + 1];
    const endsSegment = next === undefined || (next.kind === 'text' && next.text.startsWith(':'));
    source += inResource || (crossAtSegmentEnd && endsSegment) ? '.*' : '[^:]*';
  });
  return source;
}

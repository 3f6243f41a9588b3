import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_ESCALATION_TECHNIQUES } from '../../../src/analyze/aws/escalation/catalog/index.js';

const doc = readFileSync(
  join(import.meta.dirname, '../../../docs/analysis/aws-identity.md'),
  'utf8',
);

describe('docs/analysis/aws-identity.md', () => {
  it('lists every technique of the catalog with its actions, and no other', () => {
    const listed = [...doc.matchAll(/^\| `(aws\.[^`]+)`\s*\|\s*[\w-]+\s*\|([^|]+)\|/gm)];
    expect(listed.map((m) => m[1])).toEqual(AWS_ESCALATION_TECHNIQUES.map((t) => t.id));
    for (const technique of AWS_ESCALATION_TECHNIQUES) {
      const row = listed.find((m) => m[1] === technique.id);
      expect(row?.[2]?.trim()).toBe(technique.needs.map((n) => n.action).join(', '));
    }
  });

  it('has unique technique ids', () => {
    const ids = AWS_ESCALATION_TECHNIQUES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

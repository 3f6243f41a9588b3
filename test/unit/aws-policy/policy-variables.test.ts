import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  partsToText,
  resolveTemplate,
} from '../../../src/analyze/aws/policy/policy-variables.js';
import type { ContextLookup } from '../../../src/analyze/aws/policy/request-context.js';

const lookup =
  (values: Record<string, string | null>) =>
  (key: string): ContextLookup => {
    if (!(key in values)) return { state: 'unknown' };
    const value = values[key];
    return value === null || value === undefined
      ? { state: 'absent' }
      : { state: 'present', values: [value] };
  };

function render(text: string, values: Record<string, string | null>): string {
  const resolved = resolveTemplate(parseTemplate(text, true, true), lookup(values));
  return resolved.status === 'resolved' ? partsToText(resolved.parts) : resolved.status;
}

describe('policy variables', () => {
  it('substitutes known keys', () => {
    expect(render('home/${aws:username}/*', { 'aws:username': 'alice' })).toBe('home/alice/*');
  });

  it('reports unknown and absent keys', () => {
    expect(render('${aws:username}', {})).toBe('unknown');
    expect(render('${aws:username}', { 'aws:username': null })).toBe('absent');
  });

  it("uses a default value: ${key, 'default'}", () => {
    expect(render("${aws:username, 'nobody'}", { 'aws:username': null })).toBe('nobody');
    expect(render("${aws:username , 'nobody'}", { 'aws:username': 'al' })).toBe('al');
  });

  it('turns ${*}, ${?}, ${$} into literal characters, not wildcards', () => {
    const template = parseTemplate('a${*}b${?}c${$}', true, true);
    expect(template.parts).toEqual([{ kind: 'text', text: 'a*b?c$' }]);
  });

  it('keeps variables literal when the policy language has none (2008-10-17)', () => {
    const template = parseTemplate('${aws:username}', false, true);
    expect(template.hasVariables).toBe(false);
    expect(partsToText(template.parts)).toBe('${aws:username}');
  });

  it('marks wildcards only where requested', () => {
    expect(parseTemplate('a*?', true, true).parts.map((p) => p.kind)).toEqual([
      'text',
      'star',
      'one-char',
    ]);
    expect(parseTemplate('a*?', true, false).parts).toEqual([{ kind: 'text', text: 'a*?' }]);
  });
});

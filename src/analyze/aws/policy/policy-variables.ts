import type { ContextLookup } from './request-context.js';
import { escapeRegex } from './wildcard.js';

/** A pattern or value split into literal text, wildcards and `${...}` policy variables. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one-char' }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined };

export interface Template {
  readonly parts: readonly TemplatePart[];
  readonly hasVariables: boolean;
}

export type ResolvedTemplate =
  | { readonly status: 'resolved'; readonly parts: readonly TemplatePart[] }
  | { readonly status: 'unknown'; readonly keys: readonly string[] }
  | { readonly status: 'absent' };

const VARIABLE = /\$\{([^}]*)\}/g;
// `${*}`, `${?}` and `${$}` stand for the literal characters, so policies can name them.
const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };
const WITH_DEFAULT = /^\s*([^,\s]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Splits `text`. Variables are recognised only when `variables` is set (policy language
 * 2012-10-17); `wildcards` turns `*`/`?` into wildcard parts (Resource, *Like operators).
 */
export function parseTemplate(text: string, variables: boolean, wildcards: boolean): Template {
  const parts: TemplatePart[] = [];
  const addText = (literal: string, withWildcards: boolean): void => {
    for (const char of literal) {
      if (withWildcards && char === '*') parts.push({ kind: 'star' });
      else if (withWildcards && char === '?') parts.push({ kind: 'one-char' });
      else parts.push({ kind: 'text', text: char });
    }
  };
  let hasVariables = false;
  let last = 0;
  if (variables) {
    for (const match of text.matchAll(VARIABLE)) {
      addText(text.slice(last, match.index), wildcards);
      last = match.index + match[0].length;
      const inner = match[1] ?? '';
      const escaped = ESCAPES[inner];
      const withDefault = WITH_DEFAULT.exec(inner);
      if (escaped !== undefined) parts.push({ kind: 'text', text: escaped });
      else if (withDefault?.[1]) {
        hasVariables = true;
        parts.push({ kind: 'variable', key: withDefault[1], fallback: withDefault[2] });
      } else addText(match[0], false);
    }
  }
  addText(text.slice(last), wildcards);
  return { parts: mergeText(parts), hasVariables };
}

/**
 * Substitutes variables from the request. A key we do not know makes the result unknown; a key
 * known to be absent (or multi-valued) without a default makes it absent: it matches nothing.
 */
export function resolveTemplate(
  template: Template,
  lookup: (key: string) => ContextLookup,
): ResolvedTemplate {
  if (!template.hasVariables) return { status: 'resolved', parts: template.parts };
  const parts: TemplatePart[] = [];
  const unknownKeys: string[] = [];
  for (const part of template.parts) {
    if (part.kind !== 'variable') {
      parts.push(part);
      continue;
    }
    const found = lookup(part.key);
    if (found.state === 'unknown') unknownKeys.push(part.key);
    else if (found.state === 'present' && found.values.length === 1) {
      parts.push({ kind: 'text', text: found.values[0] ?? '' });
    } else if (part.fallback !== undefined) parts.push({ kind: 'text', text: part.fallback });
    else return { status: 'absent' };
  }
  if (unknownKeys.length > 0) return { status: 'unknown', keys: unknownKeys };
  return { status: 'resolved', parts: mergeText(parts) };
}

export function partsToText(parts: readonly TemplatePart[]): string {
  return parts
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'star' ? '*' : '?'))
    .join('');
}

/** Regex source where `*` and `?` match anything (plain globs: StringLike, non-ARN resources). */
export function partsToGlobSource(parts: readonly TemplatePart[]): string {
  return parts
    .map((part) =>
      part.kind === 'text' ? escapeRegex(part.text) : part.kind === 'star' ? '.*' : '.',
    )
    .join('');
}

function mergeText(parts: readonly TemplatePart[]): TemplatePart[] {
  const merged: TemplatePart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (part.kind === 'text' && previous?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: previous.text + part.text };
    } else merged.push(part);
  }
  return merged;
}

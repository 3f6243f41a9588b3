import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  complexityWithValues,
  MAX_QUERY_COMPLEXITY,
  queryComplexity,
  queryComplexityLimit,
} from '../../../../src/serve/limits/query-complexity.js';
import { check, limitSchema, parsed } from './limit-schema.js';

const rule = [queryComplexityLimit()];

function cost(source: string): number {
  const { operation, fragment } = parsed(source);
  return queryComplexity(limitSchema, operation, fragment);
}

const aliases = (count: number, field: string): string =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

describe('query complexity', () => {
  it('counts 1 per field', () => {
    expect(cost('{ node(id: "a") { id name parent { id } } tags }')).toBe(6);
  });

  it('multiplies a list subtree by first, its schema default, or 50', () => {
    expect(cost('{ items(first: 5) { id name } }')).toBe(1 + 5 * 2);
    expect(cost('{ items { id } }')).toBe(1 + 20 * 1);
    expect(cost('{ node(id: "a") { children { id } } }')).toBe(1 + (1 + 50 * 1));
    expect(cost('{ node(id: "a") { related { id } } }')).toBe(1 + (1 + 50 * 1));
    expect(cost('{ items(first: 2) { children { related(first: 3) { id } } } }')).toBe(
      1 + 2 * (1 + 50 * (1 + 3 * 1)),
    );
  });

  it('counts a connection page once: its first sizes the edges list', () => {
    expect(cost('{ page(first: 10) { total edges { cursor node { id } } } }')).toBe(
      1 + (1 + (1 + 10 * (1 + (1 + 1)))),
    );
    expect(cost('{ page { edges { cursor } } }')).toBe(1 + (1 + 50 * 1));
  });

  it('counts first given by a variable at its least (0) from the document alone', () => {
    expect(cost('query ($n: Int) { items(first: $n) { id } }')).toBe(1);
    expect(cost('query ($n: Int = 7) { items(first: $n) { id } }')).toBe(1);
    const overVariable = 'query ($n: Int) { items(first: $n) { children { related { id } } } }';
    expect(check(overVariable, rule)).toEqual([]);
  });

  it('and at its value, else its default, else the schema default, once values are known', () => {
    const withValues = (source: string, values: Record<string, unknown>): number => {
      const { operation, fragment } = parsed(source);
      return queryComplexity(limitSchema, operation, fragment, values);
    };
    expect(withValues('query ($n: Int) { items(first: $n) { id } }', { n: 9 })).toBe(1 + 9);
    expect(withValues('query ($n: Int = 7) { items(first: $n) { id } }', {})).toBe(1 + 7);
    expect(withValues('query ($n: Int) { items(first: $n) { id } }', {})).toBe(1 + 20);
    expect(withValues('query ($n: Int) { items(first: $n) { id } }', { n: null })).toBe(1 + 20);
    expect(withValues('query ($n: Int) { node(id: "a") { related(first: $n) { id } } }', {})).toBe(
      1 + (1 + 50),
    );
  });

  it('refuses with the values what the document alone let through', () => {
    const source = `query Pages($n: Int) { ${aliases(12, 'items(first: $n) { children { id } }')} }`;
    const document = parse(source);
    const { operation } = parsed(source);
    expect(check(source, rule)).toEqual([]);
    expect(complexityWithValues(limitSchema, document, operation, { n: 10 })).toBeUndefined();
    const refused = complexityWithValues(limitSchema, document, operation, { n: 500 });
    expect(refused?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(refused?.message).toBe(
      `Operation "Pages" has an estimated complexity of ${12 * (1 + 500 * (1 + 50))}; the limit is ${MAX_QUERY_COMPLEXITY}. Ask for smaller pages (first) or fewer nested lists.`,
    );
    // The same page as a literal is refused from the document.
    const literal = `query Pages { ${aliases(12, 'items(first: 500) { children { id } }')} }`;
    expect(check(literal, rule).map((e) => e.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses wide operations over the limit with the measured value and the limit', () => {
    expect(check(`{ items(first: 1000) { ${aliases(249, 'id')} } }`, rule)).toEqual([]);
    expect(check(`query Wide { items(first: 1000) { ${aliases(260, 'id')} } }`, rule)).toEqual([
      {
        message: `Operation "Wide" has an estimated complexity of 260001; the limit is ${MAX_QUERY_COMPLEXITY}. Ask for smaller pages (first) or fewer nested lists.`,
        code: 'QUERY_TOO_COMPLEX',
      },
    ]);
  });

  it('follows fragments with the type they name, and measures each once', () => {
    const viaFragment = `
      { items(first: 100) { ...F ... on Item { name } } }
      fragment F on Item { id children { id } }`;
    expect(cost(viaFragment)).toBe(1 + 100 * (1 + (1 + 50 * 1) + 1));
    // 2^40 leaf fields by doubling spreads: the estimate is exact and computed at once.
    let doubling = '{ node(id: "a") { ...F40 } }\nfragment F0 on Item { id }\n';
    for (let i = 1; i <= 40; i++)
      doubling += `fragment F${i} on Item { ...F${i - 1} ...F${i - 1} }\n`;
    const started = Date.now();
    expect(cost(doubling)).toBe(1 + 2 ** 40);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(check(doubling, rule).map((e) => e.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('stays finite on fragment cycles, which GraphQL reports itself', () => {
    const cycle = `
      { node(id: "a") { ...A } }
      fragment A on Item { parent { ...B } }
      fragment B on Item { children { ...A } }`;
    expect(Number.isFinite(cost(cycle))).toBe(true);
    expect(check(cycle, rule).map((e) => e.message)).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
  });

  it('does not count introspection', () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(check(getIntrospectionQuery(), rule)).toEqual([]);
  });

  it('says "over" rather than print an inexact count', () => {
    const huge = `{ items(first: 1000000000) { children { children { children { related(first: 1000000000) { id } } } } } }`;
    expect(check(huge, rule)[0]?.message).toMatch(
      /estimated complexity of over 9007199254740991; the limit is 250000/,
    );
  });
});

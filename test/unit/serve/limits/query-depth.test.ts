import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_DEPTH,
  queryDepth,
  queryDepthLimit,
} from '../../../../src/serve/limits/query-depth.js';
import { check, nested, parents, parsed } from './limit-schema.js';

const rule = [queryDepthLimit()];

function depthOf(source: string): number {
  const { operation, fragment } = parsed(source);
  return queryDepth(operation.selectionSet, fragment);
}

describe('query depth limit', () => {
  it('measures fields nested, not siblings', () => {
    expect(depthOf('{ node(id: "a") { id name } tags }')).toBe(2);
    expect(depthOf(nested(5))).toBe(5);
  });

  it('accepts the limit and refuses one level more, naming depth and limit', () => {
    expect(check(nested(MAX_QUERY_DEPTH), rule)).toEqual([]);
    expect(check(`query Deep ${nested(MAX_QUERY_DEPTH + 1)}`, rule)).toEqual([
      { message: 'Operation "Deep" is 16 levels deep; the limit is 15.', code: 'QUERY_TOO_DEEP' },
    ]);
  });

  it('follows fragments and inline fragments', () => {
    const source = `
      query Q { node(id: "a") { ...Four } }
      fragment Four on Item { parent { ... on Item { parent { parent { id } } } } }`;
    expect(depthOf(source)).toBe(5);
    const chained = `
      query Q { node(id: "a") { ...A } }
      fragment A on Item { parent { ...B } }
      fragment B on Item { parent { ...C } }
      fragment C on Item { ${parents(13)} }`;
    expect(depthOf(chained)).toBe(16);
    expect(check(chained, rule).map((e) => e.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('stays finite on fragment cycles, which GraphQL reports itself', () => {
    const cycle = `
      { node(id: "a") { ...A } }
      fragment A on Item { parent { ...B } }
      fragment B on Item { parent { ...A } }`;
    expect(depthOf(cycle)).toBe(3);
    expect(check(cycle, rule).map((e) => e.message)).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
  });

  it('measures a fragment spread many times once (no blow-up on repeated spreads)', () => {
    let source = '{ node(id: "a") { ...F0 } }\nfragment F0 on Item { id }\n';
    for (let i = 1; i <= 40; i++)
      source += `fragment F${i} on Item { ...F${i - 1} ...F${i - 1} }\n`;
    source = source.replace('...F0 }', '...F40 }');
    const started = Date.now();
    expect(depthOf(source)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not count introspection, which tools send deep', () => {
    const introspection = getIntrospectionQuery();
    expect(depthOf(introspection)).toBe(0);
    expect(check(introspection, rule)).toEqual([]);
    expect(depthOf(`{ __typename node(id: "a") { ${parents(2)} } }`)).toBe(3);
  });
});

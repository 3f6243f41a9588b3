import { describe, expect, it } from 'vitest';
import { firstArgumentCap, MAX_FIRST } from '../../../../src/serve/limits/first-argument-cap.js';
import { check } from './limit-schema.js';

const rule = [firstArgumentCap()];

describe('first argument cap', () => {
  it(`accepts up to ${MAX_FIRST} and refuses more, naming the field`, () => {
    expect(check('{ items(first: 1000) { id } }', rule)).toEqual([]);
    expect(check('{ node(id: "a") { related(first: 1001) { id } } }', rule)).toEqual([
      {
        message: 'Field "related" asks for first: 1001; at most 1000 items per page.',
        code: 'BAD_USER_INPUT',
      },
    ]);
  });

  it('quotes only the start of an absurdly long literal', () => {
    const [error] = check(`{ items(first: ${'9'.repeat(5000)}) { id } }`, rule);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe(
      `Field "items" asks for first: ${'9'.repeat(20)}...; at most 1000 items per page.`,
    );
  });

  it('leaves variables to the resolvers, which only see them at execution', () => {
    expect(check('query ($n: Int = 5000) { items(first: $n) { id } }', rule)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cairnSchema } from '../../src/serve/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the code-first schema (run `npm run schema:emit` after changing it)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(await cairnSchema())}\n`);
  });
});

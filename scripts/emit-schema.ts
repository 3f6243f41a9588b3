// Writes schema/schema.graphql from the code-first schema (run by `npm run schema:emit`).
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { cairnSchema } from '../src/serve/schema.js';

writeFileSync(
  new URL('../schema/schema.graphql', import.meta.url),
  `${printSchema(await cairnSchema())}\n`,
);
console.log('wrote schema/schema.graphql');

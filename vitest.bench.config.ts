import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS and ESM builds without an exports map: Node loads the CJS build for us and
// for type-graphql alike, but Vite would pick the ESM one for our files, giving two copies of
// graphql ("Cannot use GraphQLObjectType from another module or realm"). Use Node's choice.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Benchmarks that need the database share the integration tests' Neo4j setup.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    globalSetup: ['test/support/global-neo4j.ts'],
    hookTimeout: 600_000,
    testTimeout: 600_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS and ESM builds without an exports map: Node loads the CJS build for us and
// for type-graphql alike, but Vite would pick the ESM one for our files, giving two copies of
// graphql ("Cannot use GraphQLObjectType from another module or realm"). Use Node's choice.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Unit tests run in parallel. Integration tests share one real Neo4j (started by the global
// setup when NEO4J_URI is unset) and run one file at a time; each suite isolates itself by scope.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Unit tests run in parallel. Integration tests share one real Neo4j (started by the global
// setup when NEO4J_URI is unset) and run one file at a time; each suite isolates itself by scope.
export default defineConfig({
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

import { defineConfig } from 'vitest/config';

// Benchmarks that need the database share the integration tests' Neo4j setup.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-neo4j.ts'],
    hookTimeout: 600_000,
    testTimeout: 600_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});

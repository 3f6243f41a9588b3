import { startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local-neo4j.js';

/**
 * Integration tests and benchmarks run against a real Neo4j: the one NEO4J_URI names, or the
 * project's local one, started here (and stopped again afterwards if this run started it).
 * Workers are started after this runs, so they inherit the connection settings.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env['NEO4J_URI']) return () => Promise.resolve();
  const local = await startLocalNeo4j();
  process.env['NEO4J_URI'] = local.uri;
  process.env['NEO4J_USER'] = local.user;
  process.env['NEO4J_PASSWORD'] = local.password;
  return async () => {
    delete process.env['NEO4J_URI'];
    if (!local.reused) await stopLocalNeo4j();
  };
}

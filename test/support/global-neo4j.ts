import path from 'node:path';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local-neo4j.js';

/**
 * Integration tests and benchmarks run against a real Neo4j: the one NEO4J_URI names (whose
 * Cairn data they delete), or a local one of their own under .cairn/test, started here (and
 * stopped again afterwards if this run started it). Workers are started after this runs, so they inherit the connection settings.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env['NEO4J_URI']) return () => Promise.resolve();
  // Tests clear the graph: their own database, never the one the demo or a user's work left in
  // ./.cairn (workers and the CLIs tests spawn inherit these).
  process.env['CAIRN_HOME'] ??= path.resolve('.cairn', 'test');
  process.env['CAIRN_NEO4J_PORT'] ??= '17688';
  const local = await startLocalNeo4j();
  process.env['NEO4J_URI'] = local.uri;
  process.env['NEO4J_USER'] = local.user;
  process.env['NEO4J_PASSWORD'] = local.password;
  return async () => {
    delete process.env['NEO4J_URI'];
    if (!local.reused) await stopLocalNeo4j();
  };
}

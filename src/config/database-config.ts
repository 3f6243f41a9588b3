/** How to reach Neo4j: the user's own (NEO4J_URI set) or the project's local one. */
export type DatabaseTarget =
  | { kind: 'external'; uri: string; user: string; password: string; database: string | undefined }
  | { kind: 'local'; database: string | undefined };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const uri = env['NEO4J_URI']?.trim();
  const database = env['NEO4J_DATABASE']?.trim() || undefined;
  if (!uri) return { kind: 'local', database };
  return {
    kind: 'external',
    uri,
    user: env['NEO4J_USER']?.trim() || 'neo4j',
    password: env['NEO4J_PASSWORD'] ?? '',
    database,
  };
}

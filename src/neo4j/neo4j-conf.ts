import { totalmem } from 'node:os';
import { UsageError } from '../errors/cairn-error.js';

export interface MemorySettings {
  /** JVM heap in MiB (-Xms = -Xmx, as Neo4j recommends). */
  readonly heapMb: number;
  /** Page cache in MiB. */
  readonly pageCacheMb: number;
}

/**
 * Sized for the machine unless configured: a fifth of memory each for heap and page cache, capped
 * at 4 GiB and floored at 512 MiB, leaving most memory to Cairn's own analysis.
 */
export function memorySettings(
  env: NodeJS.ProcessEnv = process.env,
  totalBytes: number = totalmem(),
): MemorySettings {
  const fifth = Math.floor(totalBytes / 5 / 1048576);
  const auto = Math.max(512, Math.min(4096, fifth));
  return {
    heapMb: parseSize(env['CAIRN_NEO4J_HEAP'], 'CAIRN_NEO4J_HEAP') ?? auto,
    pageCacheMb: parseSize(env['CAIRN_NEO4J_PAGECACHE'], 'CAIRN_NEO4J_PAGECACHE') ?? auto,
  };
}

/** `512m`, `2g`, `2048` (MiB) → MiB. */
export function parseSize(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^(\d+)\s*([mg]?)b?$/i.exec(value.trim());
  if (!match)
    throw new UsageError(`${name}=${JSON.stringify(value)}: expected a size such as 512m or 2g`);
  const amount = Number(match[1]);
  const mb = match[2]?.toLowerCase() === 'g' ? amount * 1024 : amount;
  if (mb < 256) throw new UsageError(`${name}=${JSON.stringify(value)}: at least 256m`);
  return mb;
}

/** The neo4j.conf the launcher loads: Bolt on loopback only, auth on, memory bounded. */
export function renderNeo4jConf(options: {
  port: number;
  memory: MemorySettings;
  logsDir: string;
}): string {
  const { port, memory } = options;
  // Transactions may use most of the heap together, one of them at most half of it.
  const txTotal = Math.floor(memory.heapMb * 0.7);
  const txOne = Math.floor(memory.heapMb * 0.5);
  return [
    '# Written by Cairn at every start; edit CAIRN_NEO4J_* settings instead.',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    `server.bolt.advertised_address=127.0.0.1:${port}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.directories.logs=${options.logsDir}`,
    `server.memory.pagecache.size=${memory.pageCacheMb}m`,
    `dbms.memory.transaction.total.max=${txTotal}m`,
    `db.memory.transaction.max=${txOne}m`,
    // Cairn's data is reloadable from the clouds: keep transaction logs small.
    'db.tx_log.rotation.retention_policy=500M size',
    '',
  ].join('\n');
}

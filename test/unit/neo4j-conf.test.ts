import { describe, expect, it } from 'vitest';
import { memorySettings, parseSize, renderNeo4jConf } from '../../src/neo4j/neo4j-conf.js';
import { localLayout, DEFAULT_PORT } from '../../src/neo4j/local-layout.js';

const GiB = 1024 ** 3;

describe('local Neo4j configuration', () => {
  it('sizes heap and page cache to a fifth of memory, within 512 MiB..4 GiB', () => {
    expect(memorySettings({}, 24 * GiB)).toEqual({ heapMb: 4096, pageCacheMb: 4096 });
    expect(memorySettings({}, 8 * GiB)).toEqual({ heapMb: 1638, pageCacheMb: 1638 });
    expect(memorySettings({}, 1 * GiB)).toEqual({ heapMb: 512, pageCacheMb: 512 });
  });

  it('takes sizes from the environment, and refuses nonsense with the variable named', () => {
    expect(
      memorySettings({ CAIRN_NEO4J_HEAP: '2g', CAIRN_NEO4J_PAGECACHE: '768m' }, 24 * GiB),
    ).toEqual({
      heapMb: 2048,
      pageCacheMb: 768,
    });
    expect(() => parseSize('lots', 'CAIRN_NEO4J_HEAP')).toThrow(
      /CAIRN_NEO4J_HEAP="lots": expected a size/,
    );
    expect(() => parseSize('64m', 'CAIRN_NEO4J_HEAP')).toThrow(/at least 256m/);
  });

  it('binds Bolt to loopback only, keeps auth on and bounds transaction memory', () => {
    const conf = renderNeo4jConf({
      port: 17999,
      memory: { heapMb: 2000, pageCacheMb: 1000 },
      logsDir: '/x/logs',
    });
    expect(conf).toContain('server.bolt.listen_address=127.0.0.1:17999');
    expect(conf).toContain('dbms.security.auth_enabled=true');
    expect(conf).toContain('server.http.enabled=false');
    expect(conf).toContain('server.memory.pagecache.size=1000m');
    expect(conf).toContain('db.memory.transaction.max=1000m');
    expect(conf).not.toMatch(/0\.0\.0\.0/);
  });

  it('keeps state under the state directory, on the configured port', () => {
    const layout = localLayout({ stateDir: '/s' });
    expect(layout.home).toBe('/s/neo4j/home');
    expect(layout.passwordFile).toBe('/s/neo4j/password');
    expect(layout.port).toBe(
      process.env['CAIRN_NEO4J_PORT'] ? Number(process.env['CAIRN_NEO4J_PORT']) : DEFAULT_PORT,
    );
  });
});

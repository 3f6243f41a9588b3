import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherFilesOnDisk, loadCypherRegistry } from '../../../src/db/cypher-registry.js';
import { CYPHER_NAMES } from '../../../src/db/cypher-names.js';

describe('Cypher registry', () => {
  it('has a file for every name and a name for every file', () => {
    expect(loadCypherRegistry().size).toBe(CYPHER_NAMES.length);
    expect(cypherFilesOnDisk()).toEqual([...CYPHER_NAMES].sort());
  });

  it('refuses to start when a query file is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-cypher-'));
    mkdirSync(path.join(dir, 'load'));
    writeFileSync(path.join(dir, 'load', 'lock-scope.cypher'), 'RETURN 1');
    expect(() => loadCypherRegistry(dir)).toThrow(
      /Cypher query admin\/count-cairn-nodes is missing/,
    );
  });

  it('never builds values into query text', () => {
    for (const text of loadCypherRegistry().values()) {
      expect(text).not.toMatch(/\$\{|' \+|" \+/);
    }
  });
});

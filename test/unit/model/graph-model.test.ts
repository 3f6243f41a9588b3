import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGraphDoc } from '../../../src/model/graph-doc.js';
import { schemaStatements } from '../../../src/model/schema-statements.js';
import { nodeMergeCypher, relMergeCypher } from '../../../src/model/load-cypher.js';
import { nodeModels, relModels } from '../../../src/model/registry.js';

describe('graph model', () => {
  it('schema/graph.md matches the models (run `npm run schema:emit` after changing them)', () => {
    const committed = readFileSync(new URL('../../../schema/graph.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderGraphDoc());
  });

  it('derives a unique entity key, label indexes and a scope index per relationship type', () => {
    const statements = schemaStatements();
    expect(statements).toContain(
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    );
    for (const label of nodeModels.keys()) {
      expect(statements.some((s) => s.includes(`FOR (n:${label}) ON (n.id)`))).toBe(true);
    }
    for (const type of relModels.keys()) {
      expect(statements.some((s) => s.includes(`()-[r:${type}]-() ON (r.scope)`))).toBe(true);
    }
    expect(statements.every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
    expect(new Set(statements).size).toBe(statements.length);
  });

  it('generates loads that merge on the constrained key and carry scope bookkeeping', () => {
    const role = nodeModels.get('AWSRole');
    const memberOf = relModels.get('MEMBER_OF');
    if (!role || !memberOf) throw new Error('models missing');
    const nodeQuery = nodeMergeCypher(role);
    expect(nodeQuery).toContain('MERGE (n:Entity {id: row.id})');
    expect(nodeQuery).toContain('SET n:AWSRole:Principal:Workload');
    expect(nodeQuery).toMatch(/n\.scope = \$scope, n\.scanId = \$scanId/);
    expect(relMergeCypher(memberOf)).toContain('MERGE (a)-[r:MEMBER_OF]->(b)');
  });
});

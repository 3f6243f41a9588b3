import { pathSchemaStatements } from '../paths/attack/path-labels.js';
import { findingSchemaStatements } from '../rules/findings/finding-labels.js';
import { exportRunSchemaStatements } from '../schedule/export-run-labels.js';
import { apiKeySchemaStatements } from '../serve/auth/api-key-labels.js';
import { ENTITY_LABEL, labelsOf } from './define-node.js';
import { DERIVED_RELS } from './derived-registry.js';
import { nodeModels, relModels } from './registry.js';

/**
 * The constraints and indexes the models imply. Names are deterministic so that running the
 * statements again is a no-op (`IF NOT EXISTS`).
 */
export function schemaStatements(): string[] {
  const statements = [
    `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE INDEX entity_scope IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.scope)`,
    'CREATE CONSTRAINT cairn_scope_id IF NOT EXISTS FOR (n:CairnScope) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT cairn_scan_id IF NOT EXISTS FOR (n:CairnScan) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX cairn_staged_scan IF NOT EXISTS FOR (n:CairnStagedBatch) ON (n.scanId, n.seq)',
    ...findingSchemaStatements(),
    ...pathSchemaStatements(),
    ...apiKeySchemaStatements(),
    ...exportRunSchemaStatements(),
  ];
  const sharedLabels = new Set<string>();
  for (const model of nodeModels.values()) {
    // Label-specific lookups (`MATCH (r:AWSRole {id: $id})`) need their own index.
    statements.push(
      `CREATE INDEX ${indexName(model.label, 'id')} IF NOT EXISTS FOR (n:${model.label}) ON (n.id)`,
    );
    for (const [name, spec] of Object.entries(model.properties)) {
      if (spec.indexed) {
        statements.push(
          `CREATE INDEX ${indexName(model.label, name)} IF NOT EXISTS FOR (n:${model.label}) ON (n.${name})`,
        );
      }
    }
    for (const label of labelsOf(model).slice(1, -1)) sharedLabels.add(label);
  }
  for (const label of [...sharedLabels].sort()) {
    statements.push(
      `CREATE INDEX ${indexName(label, 'id')} IF NOT EXISTS FOR (n:${label}) ON (n.id)`,
    );
  }
  for (const rel of relModels.values()) {
    // Scoped cleanup finds a scope's stale relationships through this index, never a full scan.
    statements.push(
      `CREATE INDEX ${indexName(rel.type, 'scope')} IF NOT EXISTS FOR ()-[r:${rel.type}]-() ON (r.scope)`,
    );
  }
  for (const rel of DERIVED_RELS) {
    // Removing what an earlier analysis derived finds it by analysis id.
    statements.push(
      `CREATE INDEX ${indexName(rel.type, 'analysisId')} IF NOT EXISTS FOR ()-[r:${rel.type}]-() ON (r.analysisId)`,
    );
  }
  return statements;
}

function indexName(label: string, property: string): string {
  return `${label.toLowerCase()}_${property.toLowerCase()}`;
}

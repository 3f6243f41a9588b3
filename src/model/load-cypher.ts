import { ENTITY_LABEL, labelsOf, type NodeModel } from './define-node.js';
import type { RelModel } from './define-rel.js';

/*
 * Load queries generated from the models. Labels and relationship types come from the model
 * definitions (never from input); every value travels as a parameter. Each query takes
 * `$rows` plus `$scope`, `$provider`, `$scanId` and `$now`.
 */

/**
 * `n.a = row.props.a, ...` for the model's declared properties. Naming them (rather than
 * `n += row.props`) lets the planner see which properties are written, which keeps an Eager
 * operator — and the whole batch in memory — out of the plan.
 */
function propertyAssignments(variable: string, properties: Record<string, unknown>): string[] {
  return Object.keys(properties).map((name) => `${variable}.${name} = row.props.${name}`);
}

/** Writes full records: creates or takes over the node and replaces its declared properties. */
export function nodeMergeCypher(model: NodeModel): string {
  const labels = labelsOf(model).filter((label) => label !== ENTITY_LABEL);
  const assignments = [
    ...propertyAssignments('n', model.properties),
    'n.provider = $provider, n.scope = $scope, n.scanId = $scanId',
    'n.lastSeen = $now, n.stub = false',
  ];
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${ENTITY_LABEL} {id: row.id})`,
    '  ON CREATE SET n.firstSeen = $now',
    `SET n:${labels.join(':')}`,
    `SET ${assignments.join(',\n    ')}`,
  ].join('\n');
}

/**
 * Writes references to nodes this load does not describe (a trusted role in another account).
 * A stub never overwrites a node another scope owns, nor the properties of a full record that
 * this same load already wrote.
 */
export function nodeStubCypher(model: NodeModel): string {
  const labels = labelsOf(model).filter((label) => label !== ENTITY_LABEL);
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${ENTITY_LABEL} {id: row.id})`,
    `  ON CREATE SET n:${labels.join(':')}, n.provider = $provider,`,
    ...propertyAssignments('n', model.properties).map((a) => `    ${a},`),
    '    n.scope = $scope, n.scanId = $scanId, n.firstSeen = $now, n.lastSeen = $now, n.stub = true',
    '  ON MATCH SET',
    '    n.stub = CASE WHEN n.scope = $scope AND n.scanId <> $scanId THEN true ELSE n.stub END,',
    '    n.lastSeen = CASE WHEN n.scope = $scope THEN $now ELSE n.lastSeen END,',
    '    n.scanId = CASE WHEN n.scope = $scope THEN $scanId ELSE n.scanId END',
  ].join('\n');
}

export function relMergeCypher(model: RelModel): string {
  const pattern = model.key
    ? `MERGE (a)-[r:${model.type} {${model.key}: row.props.${model.key}}]->(b)`
    : `MERGE (a)-[r:${model.type}]->(b)`;
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${ENTITY_LABEL} {id: row.from})`,
    `MATCH (b:${ENTITY_LABEL} {id: row.to})`,
    pattern,
    '  ON CREATE SET r.firstSeen = $now',
    `SET ${[...propertyAssignments('r', model.properties), 'r.scope = $scope, r.scanId = $scanId, r.lastSeen = $now'].join(', ')}`,
    'RETURN count(r) AS written',
  ].join('\n');
}

/** Relationships of this scope and type that the finished load did not write. */
export function relStaleDeleteCypher(model: RelModel): string {
  return [
    `MATCH ()-[r:${model.type}]->()`,
    'WHERE r.scope = $scope AND r.scanId <> $scanId',
    'WITH r LIMIT $limit',
    'DELETE r',
    'RETURN count(*) AS deleted',
  ].join('\n');
}

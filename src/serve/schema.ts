import 'reflect-metadata';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ComplianceResolver } from './compliance/compliance.resolver.js';
import { AttackPathsResolver } from './paths/attack-paths.resolver.js';
import { BlastRadiusResolver } from './paths/blast-radius.resolver.js';
import { MarksResolver } from './paths/marks.resolver.js';
import { ExportRunsResolver } from './exports/export-runs.resolver.js';
import { CoverageGapsResolver } from './runs/coverage-gaps.resolver.js';
import { ScanRunsResolver } from './runs/scan-runs.resolver.js';
import { ChokePointsResolver } from './paths/choke-points.resolver.js';
import { SimulateFixResolver } from './paths/simulate-fix.resolver.js';
import { FindingFieldsResolver } from './findings/finding-fields.resolver.js';
import { FindingsResolver } from './findings/findings.resolver.js';
import { RuleResultsResolver } from './findings/rule-results.resolver.js';
import { HealthResolver } from './health/health.resolver.js';
import { Entity } from './node/entity.type.js';
import { NodeResolver } from './node/node.resolver.js';
import { EscalationStepResolver, PrincipalResolver } from './principal/principal.resolver.js';
import { ResourceResolver } from './resource/resource.resolver.js';
import { ScopeResolver } from './scope/scope.resolver.js';
import { WhoCanResolver } from './who-can/who-can.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The one schema the server serves and `cairn query` runs against; built once per process. */
export function cairnSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      HealthResolver,
      NodeResolver,
      PrincipalResolver,
      EscalationStepResolver,
      ResourceResolver,
      ScopeResolver,
      WhoCanResolver,
      FindingsResolver,
      RuleResultsResolver,
      FindingFieldsResolver,
      ComplianceResolver,
      AttackPathsResolver,
      ChokePointsResolver,
      SimulateFixResolver,
      BlastRadiusResolver,
      MarksResolver,
      ExportRunsResolver,
      ScanRunsResolver,
      CoverageGapsResolver,
    ],
    orphanedTypes: [Entity],
    validate: false,
  }).then(lexicographicSortSchema);
  return schema;
}

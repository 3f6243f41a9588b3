import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addPlacement, addRole, locationOfArn } from '../resources/resource-links.js';
import { parseOutput } from '../resources/resource-output.js';
import { tagsFromList } from '../resources/resource-values.js';
import { resourceScope } from '../resources/resource-scope.js';
import { project as projectSchema, type Project } from './codebuild-schemas.js';
import { sourceLocationWithoutCredentials } from './source-location.js';

/** What CodeBuild said about one account and region, as plain JSON (see `plainOutput`). */
export interface CodeBuildAnswers {
  /** The `projects` entries of every BatchGetProjects answer. */
  readonly projects: readonly unknown[];
}

/**
 * CodeBuild projects of one account and region to the records of its `codebuild` scope: the
 * service role builds run as (RUNS_AS), where the source comes from (without credentials), the
 * build environment with its variables' names and types (never values), and VPC placement.
 */
export function codeBuildToRecords(
  answers: CodeBuildAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'codebuild'));
  answers.projects.forEach((raw, index) => {
    const project = parseOutput(projectSchema, raw, `${source}: projects[${index}]`);
    const located = locationOfArn(project.arn);
    const environment = project.environment;
    const location = project.source?.location;
    const id = b.node('AWSCodeBuildProject', project.arn, {
      account: located.account,
      region: located.region,
      name: project.name,
      roleArn: project.serviceRole,
      sourceType: project.source?.type,
      sourceLocation:
        location === undefined ? undefined : sourceLocationWithoutCredentials(location),
      environmentType: environment?.type,
      environmentImage: environment?.image,
      computeType: environment?.computeType,
      privilegedMode: environment?.privilegedMode,
      ...variables(project),
      vpcId: project.vpcConfig?.vpcId || undefined,
      kmsKeyId: project.encryptionKey || undefined,
      projectVisibility: project.projectVisibility,
      created: project.created,
      lastModified: project.lastModified,
      tags: tagsFromList(project.tags?.map((tag) => ({ Key: tag.key, Value: tag.value }))),
    });
    addRole(b, id, project.serviceRole);
    // No IN_VPC: the shared model does not list CodeBuild projects; vpcId is kept instead.
    addPlacement(b, located, id, {
      subnetIds: project.vpcConfig?.subnets,
      securityGroupIds: project.vpcConfig?.securityGroupIds,
    });
  });
  return b.build();
}

/** Names and types of the environment variables; their values are never read. */
function variables(project: Project): {
  environmentVariableNames?: string[];
  environmentVariableTypes?: Record<string, string>;
} {
  const list = project.environment?.environmentVariables;
  if (!list || list.length === 0) return {};
  // A Map, so that a variable named `__proto__` is just a name.
  const types = new Map(list.map((variable) => [variable.name, variable.type ?? 'PLAINTEXT']));
  return {
    environmentVariableNames: [...types.keys()].sort(),
    environmentVariableTypes: Object.fromEntries(types),
  };
}

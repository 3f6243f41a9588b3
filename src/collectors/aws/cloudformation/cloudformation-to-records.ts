import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addRole, locationOfArn } from '../resources/resource-links.js';
import { parseOutput } from '../resources/resource-output.js';
import { tagsFromList } from '../resources/resource-values.js';
import { resourceScope } from '../resources/resource-scope.js';
import { stack as stackSchema } from './cloudformation-schemas.js';

/** What CloudFormation said about one account and region, as plain JSON (see `plainOutput`). */
export interface CloudFormationAnswers {
  /** The `Stacks` entries of every DescribeStacks page. */
  readonly stacks: readonly unknown[];
}

/** Deleted stacks deploy nothing any more. */
const GONE = 'DELETE_COMPLETE';

/**
 * Stacks of one account and region to the records of its `cloudformation` scope, each with the
 * service role it deploys with (RUNS_AS): whoever can update the stack acts as that role.
 */
export function cloudFormationToRecords(
  answers: CloudFormationAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'cloudformation'));
  answers.stacks.forEach((raw, index) => {
    const stack = parseOutput(stackSchema, raw, `${source}: Stacks[${index}]`);
    if (stack.StackStatus === GONE) return;
    const located = locationOfArn(stack.StackId);
    const id = b.node('AWSCloudFormationStack', stack.StackId, {
      account: located.account,
      region: located.region,
      name: stack.StackName,
      roleArn: stack.RoleARN,
      status: stack.StackStatus,
      capabilities: stack.Capabilities,
      terminationProtection: stack.EnableTerminationProtection,
      driftStatus: stack.DriftInformation?.StackDriftStatus,
      parentStackId: stack.ParentId,
      rootStackId: stack.RootId,
      creationTime: stack.CreationTime,
      lastUpdatedTime: stack.LastUpdatedTime,
      tags: tagsFromList(stack.Tags),
    });
    addRole(b, id, stack.RoleARN);
  });
  return b.build();
}

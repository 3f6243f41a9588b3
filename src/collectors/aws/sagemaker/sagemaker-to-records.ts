import { BadInputError } from '../../../errors/cairn-error.js';
import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addKmsKey, addPlacement, addRole, locationOfArn } from '../resources/resource-links.js';
import { parseOutput } from '../resources/resource-output.js';
import { resourceScope } from '../resources/resource-scope.js';
import { notebookDetail, notebookSummary } from './sagemaker-schemas.js';

/** One notebook as SageMaker described it, as plain JSON (see `plainOutput`). */
export interface NotebookAnswer {
  /** Its ListNotebookInstances entry. */
  readonly summary: unknown;
  /** DescribeNotebookInstance; absent when that call was refused (a coverage gap). */
  readonly detail?: unknown;
}

export interface SageMakerAnswers {
  readonly notebooks: readonly NotebookAnswer[];
}

/**
 * Notebook instances of one account and region to the records of its `sagemaker` scope: the role
 * it runs as (RUNS_AS; a presigned URL gives its terminal), internet and root access, network
 * placement and KMS key. Without its description a notebook keeps what the list said.
 */
export function sageMakerToRecords(
  answers: SageMakerAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'sagemaker'));
  answers.notebooks.forEach((answer, index) => {
    const where = `${source}: NotebookInstances[${index}]`;
    const summary = parseOutput(notebookSummary, answer.summary, where);
    const detail =
      answer.detail === undefined
        ? undefined
        : parseOutput(
            notebookDetail,
            answer.detail,
            `${source}: notebook ${summary.NotebookInstanceName}: DescribeNotebookInstance`,
          );
    if (detail && detail.NotebookInstanceArn !== summary.NotebookInstanceArn) {
      throw new BadInputError(
        `${where}: DescribeNotebookInstance answered for another notebook (${detail.NotebookInstanceArn.slice(0, 300)})`,
      );
    }
    const known = detail ?? summary;
    const arn = summary.NotebookInstanceArn;
    const located = locationOfArn(arn);
    const id = b.node('AWSSageMakerNotebook', arn, {
      account: located.account,
      region: located.region,
      name: known.NotebookInstanceName,
      roleArn: detail?.RoleArn,
      status: known.NotebookInstanceStatus,
      instanceType: known.InstanceType,
      platformIdentifier: detail?.PlatformIdentifier,
      directInternetAccess: enabledFlag(detail?.DirectInternetAccess),
      rootAccess: enabledFlag(detail?.RootAccess),
      subnetId: detail?.SubnetId,
      networkInterfaceId: detail?.NetworkInterfaceId,
      kmsKeyId: detail?.KmsKeyId || undefined,
      imdsMinimumVersion:
        detail?.InstanceMetadataServiceConfiguration?.MinimumInstanceMetadataServiceVersion,
      url: known.Url,
      creationTime: known.CreationTime,
      lastModifiedTime: known.LastModifiedTime,
    });
    addRole(b, id, detail?.RoleArn);
    addKmsKey(b, id, detail?.KmsKeyId);
    addPlacement(b, located, id, {
      subnetIds: detail?.SubnetId ? [detail.SubnetId] : undefined,
      securityGroupIds: detail?.SecurityGroups,
    });
  });
  return b.build();
}

function enabledFlag(value: 'Enabled' | 'Disabled' | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'Enabled';
}

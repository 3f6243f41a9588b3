import { z } from 'zod';
import {
  dateTime,
  name,
  regionalArn,
  roleArn,
  securityGroupId,
  subnetId,
  text,
} from '../resources/resource-values.js';

/*
 * The parts of ListNotebookInstances and DescribeNotebookInstance Cairn reads. Lifecycle
 * configurations and code repositories are not read.
 */

const short = z.string().max(256);
const enabled = z.enum(['Enabled', 'Disabled']);

/** One ListNotebookInstances entry: what is known even when the describe call is refused. */
export const notebookSummary = z.looseObject({
  NotebookInstanceName: name,
  NotebookInstanceArn: regionalArn('sagemaker'),
  NotebookInstanceStatus: short.optional(),
  InstanceType: short.optional(),
  Url: text.optional(),
  CreationTime: dateTime.optional(),
  LastModifiedTime: dateTime.optional(),
});

export const notebookDetail = notebookSummary.extend({
  RoleArn: roleArn.optional(),
  SubnetId: subnetId.optional(),
  SecurityGroups: z.array(securityGroupId).max(64).optional(),
  NetworkInterfaceId: short.optional(),
  KmsKeyId: text.optional(),
  DirectInternetAccess: enabled.optional(),
  RootAccess: enabled.optional(),
  PlatformIdentifier: short.optional(),
  InstanceMetadataServiceConfiguration: z
    .looseObject({ MinimumInstanceMetadataServiceVersion: short.optional() })
    .optional(),
});

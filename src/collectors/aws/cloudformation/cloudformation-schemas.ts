import { z } from 'zod';
import { dateTime, name, regionalArn, roleArn, tagList } from '../resources/resource-values.js';

/*
 * The parts of DescribeStacks Cairn reads. Parameters and outputs are never read: values a
 * template does not mark NoEcho can hold secrets.
 */

const short = z.string().max(256);
const stackArn = regionalArn('cloudformation');

export const stack = z.looseObject({
  StackId: stackArn,
  StackName: name,
  StackStatus: short,
  RoleARN: roleArn.optional(),
  Capabilities: z.array(short).max(16).optional(),
  EnableTerminationProtection: z.boolean().optional(),
  DriftInformation: z.looseObject({ StackDriftStatus: short.optional() }).optional(),
  ParentId: stackArn.optional(),
  RootId: stackArn.optional(),
  CreationTime: dateTime.optional(),
  LastUpdatedTime: dateTime.optional(),
  Tags: tagList.optional(),
});

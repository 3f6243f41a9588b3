import { z } from 'zod';
import {
  dateTime,
  name,
  regionalArn,
  roleArn,
  securityGroupId,
  subnetId,
  tagMap,
  text,
  vpcId,
} from '../resources/resource-values.js';

/*
 * The parts of the Lambda answers Cairn reads (ListFunctions, GetPolicy, ListFunctionUrlConfigs,
 * ListTags). Environment variable values are typed `unknown` and never read: only names are kept.
 */

/** `arn:aws:lambda:<region>:<account>:layer:<name>:<version>`, split into its parts. */
export const LAYER_VERSION_ARN =
  /^arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\d{12}):layer:([A-Za-z0-9_-]{1,140}):(\d{1,9})$/;

const variables = z
  .record(z.string().max(1024), z.unknown())
  .refine((vars) => Object.keys(vars).length <= 1000, { message: 'too many variables' });

export const functionConfiguration = z.looseObject({
  FunctionName: name,
  FunctionArn: regionalArn('lambda'),
  Role: roleArn.optional(),
  Runtime: text.optional(),
  Handler: text.optional(),
  PackageType: text.optional(),
  LastModified: dateTime.optional(),
  KMSKeyArn: text.optional(),
  VpcConfig: z
    .looseObject({
      SubnetIds: z.array(subnetId).max(64).optional(),
      SecurityGroupIds: z.array(securityGroupId).max(64).optional(),
      VpcId: vpcId.optional(),
    })
    .optional(),
  Layers: z
    .array(
      z.looseObject({ Arn: z.string().regex(LAYER_VERSION_ARN, 'expected a layer version ARN') }),
    )
    .max(64)
    .optional(),
  Environment: z.looseObject({ Variables: variables.optional() }).optional(),
});
export type FunctionConfiguration = z.infer<typeof functionConfiguration>;

export const getPolicy = z.looseObject({ Policy: z.string().max(200_000) });

export const functionUrlConfig = z.looseObject({
  FunctionUrl: z.string().min(1).max(2048),
  FunctionArn: text,
  AuthType: z.string().max(64),
});
export type FunctionUrlConfig = z.infer<typeof functionUrlConfig>;

export const listTags = z.looseObject({ Tags: tagMap.optional() });

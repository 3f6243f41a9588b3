import { z } from 'zod';
import {
  dateTime,
  name,
  regionalArn,
  roleArn,
  securityGroupId,
  subnetId,
  text,
  vpcId,
} from '../resources/resource-values.js';

/*
 * The parts of BatchGetProjects Cairn reads. Environment variable values are typed `unknown` and
 * never read (PLAINTEXT ones can hold secrets); the inline buildspec and source auth are not read.
 */

const short = z.string().max(256);

const environmentVariable = z.looseObject({
  name: z.string().min(1).max(1024),
  type: short.optional(),
  value: z.unknown(),
});

export const project = z.looseObject({
  name,
  arn: regionalArn('codebuild'),
  serviceRole: roleArn.optional(),
  source: z.looseObject({ type: short, location: z.string().max(8192).optional() }).optional(),
  environment: z
    .looseObject({
      type: short.optional(),
      image: text.optional(),
      computeType: short.optional(),
      privilegedMode: z.boolean().optional(),
      environmentVariables: z.array(environmentVariable).max(1000).optional(),
    })
    .optional(),
  vpcConfig: z
    .looseObject({
      vpcId: vpcId.optional(),
      subnets: z.array(subnetId).max(64).optional(),
      securityGroupIds: z.array(securityGroupId).max(64).optional(),
    })
    .optional(),
  encryptionKey: text.optional(),
  projectVisibility: short.optional(),
  created: dateTime.optional(),
  lastModified: dateTime.optional(),
  tags: z
    .array(z.looseObject({ key: z.string().max(256), value: z.string().max(1024).optional() }))
    .max(1000)
    .optional(),
});
export type Project = z.infer<typeof project>;

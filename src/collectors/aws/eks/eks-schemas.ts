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

/* The parts of DescribeCluster's `cluster` Cairn reads (tags come with it). */

export const cluster = z.looseObject({
  name,
  arn: regionalArn('eks'),
  version: text.optional(),
  platformVersion: text.optional(),
  status: text.optional(),
  createdAt: dateTime.optional(),
  endpoint: text.optional(),
  roleArn: roleArn.optional(),
  resourcesVpcConfig: z
    .looseObject({
      subnetIds: z.array(subnetId).max(64).optional(),
      securityGroupIds: z.array(securityGroupId).max(64).optional(),
      clusterSecurityGroupId: securityGroupId.optional(),
      vpcId: vpcId.optional(),
      endpointPublicAccess: z.boolean().optional(),
      endpointPrivateAccess: z.boolean().optional(),
      publicAccessCidrs: z.array(z.string().max(64)).max(1000).optional(),
    })
    .optional(),
  identity: z
    .looseObject({ oidc: z.looseObject({ issuer: text.optional() }).optional() })
    .optional(),
  encryptionConfig: z
    .array(
      z.looseObject({
        resources: z.array(z.string().max(256)).max(64).optional(),
        provider: z.looseObject({ keyArn: text.optional() }).optional(),
      }),
    )
    .max(64)
    .optional(),
  logging: z
    .looseObject({
      clusterLogging: z
        .array(
          z.looseObject({
            types: z.array(z.string().max(64)).max(64).optional(),
            enabled: z.boolean().optional(),
          }),
        )
        .max(64)
        .optional(),
    })
    .optional(),
  accessConfig: z.looseObject({ authenticationMode: text.optional() }).optional(),
  tags: tagMap.optional(),
});
export type Cluster = z.infer<typeof cluster>;

export const describeCluster = z.looseObject({ cluster: z.looseObject({}) });

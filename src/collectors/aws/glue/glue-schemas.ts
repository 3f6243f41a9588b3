import { z } from 'zod';
import {
  dateTime,
  roleArn,
  securityGroupId,
  subnetId,
  vpcId,
} from '../resources/resource-values.js';

/*
 * The parts of GetDevEndpoints Cairn reads. Public keys are only counted, and arguments (which
 * can hold settings with secrets) are not read.
 */

const short = z.string().max(256);
const publicKey = z.string().max(16_384);

export const devEndpoint = z.looseObject({
  // Part of the ARN Cairn builds, so no control characters.
  EndpointName: z.string().regex(/^[^\p{Cc}]{1,255}$/u, 'expected an endpoint name'),
  RoleArn: roleArn.optional(),
  Status: short.optional(),
  PublicAddress: short.optional(),
  PrivateAddress: short.optional(),
  SubnetId: subnetId.optional(),
  VpcId: vpcId.optional(),
  SecurityGroupIds: z.array(securityGroupId).max(64).optional(),
  PublicKey: publicKey.optional(),
  PublicKeys: z.array(publicKey).max(100).optional(),
  GlueVersion: short.optional(),
  WorkerType: short.optional(),
  SecurityConfiguration: short.optional(),
  CreatedTimestamp: dateTime.optional(),
  LastModifiedTimestamp: dateTime.optional(),
});
export type DevEndpoint = z.infer<typeof devEndpoint>;

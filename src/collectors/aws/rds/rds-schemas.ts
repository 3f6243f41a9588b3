import { z } from 'zod';
import {
  name,
  regionalArn,
  securityGroupId,
  subnetId,
  tagList,
  text,
  vpcId,
} from '../resources/resource-values.js';

/* The parts of `DescribeDBInstances` Cairn reads (tags come with it, as TagList). */

export const dbInstance = z.looseObject({
  DBInstanceIdentifier: name,
  DBInstanceArn: regionalArn('rds'),
  Engine: text.optional(),
  EngineVersion: text.optional(),
  DBInstanceClass: text.optional(),
  DBInstanceStatus: text.optional(),
  PubliclyAccessible: z.boolean().optional(),
  StorageEncrypted: z.boolean().optional(),
  KmsKeyId: text.optional(),
  Endpoint: z
    .looseObject({ Address: text.optional(), Port: z.number().int().min(0).max(65535).optional() })
    .optional(),
  IAMDatabaseAuthenticationEnabled: z.boolean().optional(),
  DbiResourceId: text.optional(),
  VpcSecurityGroups: z
    .array(z.looseObject({ VpcSecurityGroupId: securityGroupId.optional() }))
    .max(100)
    .optional(),
  DBSubnetGroup: z
    .looseObject({
      VpcId: vpcId.optional(),
      Subnets: z
        .array(z.looseObject({ SubnetIdentifier: subnetId }))
        .max(200)
        .optional(),
    })
    .optional(),
  DBClusterIdentifier: text.optional(),
  DeletionProtection: z.boolean().optional(),
  BackupRetentionPeriod: z.number().int().min(0).optional(),
  MultiAZ: z.boolean().optional(),
  AutoMinorVersionUpgrade: z.boolean().optional(),
  TagList: tagList.optional(),
});

export const describeDbInstances = z.looseObject({
  DBInstances: z.array(z.unknown()).optional(),
});

import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { resourceScope } from '../resources/resource-scope.js';
import { parseOutput } from '../resources/resource-output.js';
import { addKmsKey, addPlacement, locationOfArn } from '../resources/resource-links.js';
import { tagsFromList } from '../resources/resource-values.js';
import * as s from './rds-schemas.js';

/**
 * DescribeDBInstances pages (as plain JSON) of one account and region to the records of its `rds`
 * scope: each instance with its exposure (public endpoint), encryption, IAM authentication, and
 * its placement (DB subnet group subnets, VPC security groups) and KMS key as stubs.
 */
export function rdsToRecords(
  pages: readonly unknown[],
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'rds'));
  pages.forEach((page, pageIndex) => {
    const where = `${source}: page ${pageIndex + 1}`;
    const { DBInstances } = parseOutput(s.describeDbInstances, page, where);
    (DBInstances ?? []).forEach((raw, index) => {
      const db = parseOutput(s.dbInstance, raw, `${where}: DBInstances[${index}]`);
      const arn = db.DBInstanceArn;
      const located = locationOfArn(arn);
      const vpcId = db.DBSubnetGroup?.VpcId || undefined;
      const id = b.node('AWSRdsInstance', arn, {
        account: located.account,
        region: located.region,
        name: db.DBInstanceIdentifier,
        engine: db.Engine,
        engineVersion: db.EngineVersion,
        instanceClass: db.DBInstanceClass,
        status: db.DBInstanceStatus,
        publiclyAccessible: db.PubliclyAccessible,
        storageEncrypted: db.StorageEncrypted,
        kmsKeyId: db.KmsKeyId || undefined,
        endpointAddress: db.Endpoint?.Address,
        endpointPort: db.Endpoint?.Port,
        iamDatabaseAuthentication: db.IAMDatabaseAuthenticationEnabled,
        resourceId: db.DbiResourceId,
        vpcId,
        clusterIdentifier: db.DBClusterIdentifier,
        deletionProtection: db.DeletionProtection,
        backupRetentionPeriod: db.BackupRetentionPeriod,
        multiAz: db.MultiAZ,
        autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade,
        tags: tagsFromList(db.TagList),
      });
      addKmsKey(b, id, db.KmsKeyId);
      addPlacement(b, located, id, {
        vpcId,
        subnetIds: db.DBSubnetGroup?.Subnets?.map((subnet) => subnet.SubnetIdentifier),
        securityGroupIds: db.VpcSecurityGroups?.map((group) => group.VpcSecurityGroupId),
      });
    });
  });
  return b.build();
}

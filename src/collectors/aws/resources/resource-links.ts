import type { RecordsBuilder } from '../../../records/records-builder.js';
import { ec2Arn, type Ec2Location } from '../ec2/ec2-arn.js';

/*
 * Relationships from a Lambda function, DB instance or EKS cluster to what other scopes own: its
 * role, network placement and KMS key, each added as a stub for that scope to fill in.
 */

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]{1,128}$/;

/** Only key ARNs name a key for sure: a bare id or an alias would need KMS to resolve. */
export function isKmsKeyArn(value: string | undefined): value is string {
  return value !== undefined && KMS_KEY_ARN.test(value);
}

export function addKmsKey(b: RecordsBuilder, from: string, keyId: string | undefined): void {
  if (isKmsKeyArn(keyId)) b.rel('ENCRYPTED_WITH', from, b.stub('AWSKmsKey', keyId));
}

export function addRole(b: RecordsBuilder, from: string, roleArn: string | undefined): void {
  if (roleArn) b.rel('RUNS_AS', from, b.stub('AWSRole', roleArn));
}

/** Where a resource sits: its VPC, subnets and security groups (ids, as the services give them). */
export interface NetworkPlacement {
  readonly vpcId?: string | undefined;
  readonly subnetIds?: readonly string[] | undefined;
  readonly securityGroupIds?: readonly (string | undefined)[] | undefined;
}

export function addPlacement(
  b: RecordsBuilder,
  at: Ec2Location,
  from: string,
  placement: NetworkPlacement,
): void {
  if (placement.vpcId) b.rel('IN_VPC', from, b.stub('AWSVpc', ec2Arn(at, 'vpc', placement.vpcId)));
  for (const subnet of placement.subnetIds ?? []) {
    b.rel('IN_SUBNET', from, b.stub('AWSSubnet', ec2Arn(at, 'subnet', subnet)));
  }
  for (const group of placement.securityGroupIds ?? []) {
    if (!group) continue;
    b.rel(
      'HAS_SECURITY_GROUP',
      from,
      b.stub('AWSSecurityGroup', ec2Arn(at, 'security-group', group)),
    );
  }
}

/** The partition, region and account of a resource ARN already validated by `regionalArn`. */
export function locationOfArn(arn: string): Ec2Location & { partition: string } {
  const [, partition = 'aws', , region = '', account = ''] = arn.split(':');
  return { partition, region, account };
}

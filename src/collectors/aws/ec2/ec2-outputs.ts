/**
 * What `cairn import aws-ec2` reads and the live EC2/ELB collector produces: the JSON the AWS CLI
 * prints for each command, keyed by the file name without `.json`. Each value is the list of
 * pages (one output, or several when the CLI was paginated by hand); the SDK's outputs have the
 * same shape once dates are ISO strings.
 */
export const REQUIRED_EC2_OUTPUTS = [
  'describe-instances',
  'describe-security-groups',
  'describe-subnets',
  'describe-route-tables',
  'describe-internet-gateways',
  'describe-network-acls',
  'describe-network-interfaces',
] as const;

export const OPTIONAL_EC2_OUTPUTS = [
  'describe-vpcs',
  'describe-nat-gateways',
  'describe-egress-only-internet-gateways',
  'describe-addresses',
  'describe-volumes',
  /** `aws ec2 describe-snapshots --owner-ids self`. */
  'describe-snapshots',
  /** Array of `describe-snapshot-attribute --attribute createVolumePermission` outputs. */
  'describe-snapshot-attributes',
  /** `aws ec2 describe-images --owners self`. */
  'describe-images',
  /** `aws elbv2 describe-load-balancers`. */
  'elbv2-describe-load-balancers',
  /** Array of `aws elbv2 describe-listeners --load-balancer-arn ...` outputs. */
  'elbv2-describe-listeners',
  /** `aws elbv2 describe-target-groups`. */
  'elbv2-describe-target-groups',
  /**
   * Array of `aws elbv2 describe-target-health --target-group-arn ...` outputs, each with the
   * `TargetGroupArn` it was asked about added (the CLI does not print it).
   */
  'elbv2-describe-target-health',
  /** `aws elb describe-load-balancers` (classic). */
  'elb-describe-load-balancers',
] as const;

export type Ec2OutputName =
  (typeof REQUIRED_EC2_OUTPUTS)[number] | (typeof OPTIONAL_EC2_OUTPUTS)[number];

/** Pages of each output that was read; a missing optional output means "not collected". */
export type Ec2Outputs = Partial<Record<Ec2OutputName, readonly unknown[]>>;

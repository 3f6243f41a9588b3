/**
 * Existing resources whose code runs as an IAM role, as plain data: read from the graph for
 * `cairn analyze`, or written by hand in case files. Escalation techniques that act on such a
 * resource (replace a function's code, run a command on an instance) give its role.
 */

/** The kinds of resource escalation techniques act on. */
export const RESOURCE_KINDS = [
  'lambda-function',
  'ec2-instance',
  'cloudformation-stack',
  'codebuild-project',
  'sagemaker-notebook',
  'glue-dev-endpoint',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface EstateResource {
  /** The resource ARN: what policies name and what the caller's requests are checked on. */
  readonly id: string;
  readonly kind: ResourceKind;
  readonly account: string;
  readonly region: string;
  /** The role its code runs as (an instance: its instance profile's role); absent when none. */
  readonly role?: string;
  /**
   * Its lifecycle state when collected: an instance's state (`running`), a stack's status
   * (`UPDATE_COMPLETE`), a notebook's (`InService`) or a Glue endpoint's (`READY`).
   */
  readonly state?: string;
  /** Lambda: `Zip` or `Image`. */
  readonly packageType?: string;
  /** EC2: `windows`, or absent for Linux/UNIX. */
  readonly platform?: string;
  /** EC2: registered with Systems Manager; undefined when SSM was not loaded for its region. */
  readonly ssmManaged?: boolean;
}

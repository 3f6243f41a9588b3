/** `arn:partition:service:region:account:resource` split into its parts, or undefined. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = '', ...rest] = parts;
  return { partition, service, region, account, resource: rest.join(':') };
}

export function isAwsManagedPolicyArn(arn: string): boolean {
  return parseArn(arn)?.account === 'aws';
}

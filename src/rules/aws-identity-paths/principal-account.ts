const ACCOUNT_ID = /^\d{12}$/;
// iam and sts ARNs carry the account in their fifth field; partitions: aws, aws-cn, aws-us-gov.
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/;

/** The account a trust's `AWS` principal names (an id, root, user, role or session ARN). */
export function accountOfPrincipal(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (ACCOUNT_ID.test(trimmed)) return trimmed;
  return PRINCIPAL_ARN.exec(trimmed)?.[1];
}

/** True for the forms that trust a whole account: `123456789012` or `arn:aws:iam::123456789012:root`. */
export function namesAccountRoot(entry: string): boolean {
  const trimmed = entry.trim();
  if (ACCOUNT_ID.test(trimmed)) return true;
  return PRINCIPAL_ARN.exec(trimmed)?.[2] === 'root';
}

/** The account of an ARN-shaped resource id (`arn:aws:iam::<account>:role/x`), if it has one. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
}

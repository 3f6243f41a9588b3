import { decodePolicyDocument } from '../iam/policy-document-text.js';

/** Told about a resource policy that is kept as text: where it is, and what is wrong with it. */
export type PolicyWarning = (where: string, problem: string) => void;

/** AWS caps bucket, key and secret policies at 20-32 KB; far beyond that is not a policy. */
export const MAX_POLICY_CHARS = 200_000;

/**
 * A bucket, key or secret policy as the `policy` property stores it: the document, from JSON or
 * URL-encoded JSON. Text that is neither is kept as it came, with a warning, instead of failing:
 * AWS checks these documents when they are put, so such text comes from an emulator, a proxy or
 * an encoding we do not know yet. Failing would lose every other resource of the scope for one
 * policy, and dropping it would make the resource look governed by IAM alone; a string tells the
 * access analysis "there is a policy it could not read".
 */
export function policyProperty(
  text: string,
  where: string,
  warn: PolicyWarning,
): Record<string, unknown> | string {
  const decoded = decodePolicyDocument(text);
  if ('document' in decoded) return decoded.document;
  warn(where, `policy ${decoded.problem}; kept as text`);
  return text;
}

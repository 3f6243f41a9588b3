import { parsePolicyDocument, type PolicyDocument } from '../../analyze/aws/policy/index.js';

/**
 * A role's trust policy from a rule row (a JSON string as Neo4j stores it, or an object), or
 * undefined when it was not collected. A malformed document throws a BadInputError naming the role.
 */
export function readTrustPolicy(raw: unknown, roleId: string): PolicyDocument | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  return parsePolicyDocument(raw, `trust policy of ${roleId}`);
}

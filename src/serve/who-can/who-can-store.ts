import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { accessTargetOf, type AccessTarget } from '../../analyze/aws/access/access-target.js';
import type { PolicyCache } from '../../analyze/aws/policy-cache.js';

/**
 * The data store whose own policy decides requests on `resource`: the resource itself (a
 * secret, a KMS key, a bucket) or, for an object ARN, its bucket. Undefined when none is loaded.
 */
export async function whoCanStore(
  db: Database,
  resource: string,
  cache: PolicyCache,
): Promise<AccessTarget | undefined> {
  const [row] = await readNamed(db, 'serve/access-target', { id: storeIdOf(resource) });
  return row ? accessTargetOf(row, cache) : undefined;
}

/** `arn:aws:s3:::bucket` for `arn:aws:s3:::bucket/key`; other ARNs stay as they are. */
export function storeIdOf(resource: string): string {
  const s3 = /^(arn:[^:]+:s3:::[^/]+)\//.exec(resource);
  return s3?.[1] ?? resource;
}

import { Provider } from '../../../model/provider.js';
import type { ScopeRef } from '../../../records/scope-ref.js';

/** Region part of the scope of a service collected once per account (S3, IAM-like globals). */
export const GLOBAL_REGION = 'global';

/**
 * The scope one service of one account and region loads into: `aws:<account>/<region>/<service>`,
 * so that importing or rescanning EC2 in one region replaces only that, never the account's IAM
 * scope (`aws:<account>`) or another service.
 */
export function resourceScope(account: string, region: string, service: string): ScopeRef {
  return { provider: Provider.AWS, id: `${account}/${region}/${service}` };
}

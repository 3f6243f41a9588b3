import { z } from 'zod';
import { Provider } from '../model/provider.js';

/** What one load replaces: an AWS account, an Azure subscription, a GCP project, a cluster. */
export interface ScopeRef {
  readonly provider: Provider;
  /** The account id, subscription id, project id or cluster name. */
  readonly id: string;
}

export const scopeRefSchema = z
  .object({
    provider: z.enum(Object.values(Provider) as [Provider, ...Provider[]]),
    id: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[A-Za-z0-9._:/@-]+$/, 'letters, digits and . _ : / @ - only'),
  })
  .strict();

/** The `scope` property value, e.g. `aws:123456789012`. */
export function scopeKey(scope: ScopeRef): string {
  return `${scope.provider.toLowerCase()}:${scope.id}`;
}

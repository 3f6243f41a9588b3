import type { PropertySpec } from '../property-spec.js';

/** Properties the loader writes on every entity; models never declare them. */
export const bookkeepingProperties = {
  id: { type: 'string', required: true, description: "The cloud's own identifier; unique." },
  provider: { type: 'string', required: true, description: 'AWS, AZURE, GCP, KUBERNETES, ...' },
  scope: {
    type: 'string',
    required: true,
    description: 'Owning scope, e.g. `aws:123456789012`; a load of a scope replaces only its own.',
  },
  scanId: { type: 'string', required: true, description: 'The load that last wrote it.' },
  firstSeen: { type: 'datetime', required: true, description: 'When a load first wrote it.' },
  lastSeen: { type: 'datetime', required: true, description: 'When a load last wrote it.' },
  stub: {
    type: 'boolean',
    required: true,
    description: 'True while only referenced (e.g. a trusted principal in an unloaded account).',
  },
} as const satisfies Record<string, PropertySpec>;

export const tagsProperty = {
  type: 'json',
  description: 'Tags as a key → value object.',
} as const satisfies PropertySpec;

/** Where an AWS resource lives; every resource model spreads these. */
export const awsLocation = {
  account: { type: 'string', required: true, indexed: true, description: 'Owning account id.' },
  region: {
    type: 'string',
    required: true,
    description: 'Region, or `global` for an account-wide resource.',
  },
} as const satisfies Record<string, PropertySpec>;

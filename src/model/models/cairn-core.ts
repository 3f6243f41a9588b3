import { defineNode } from '../define-node.js';
import { Provider } from '../provider.js';

/** The single node that stands for the public internet; reachability edges start here. */
export const Internet = defineNode({
  label: 'Internet',
  sharedLabels: [],
  provider: Provider.CAIRN,
  sharedScope: 'cairn:global',
  description: 'The public internet, as the source of reachability.',
  idDescription: 'Always `internet`.',
  properties: {
    name: { type: 'string', description: 'Display name.' },
  },
});

/**
 * Something a scan could not read (access denied, a service not enabled): what is missing from
 * the graph, so that a missing path is never mistaken for a safe one.
 */
export const CoverageGap = defineNode({
  label: 'CoverageGap',
  sharedLabels: [],
  provider: Provider.CAIRN,
  description: 'A call a scan could not make, recorded instead of failing the scan.',
  idDescription: '`<scope>/gap/<service>:<operation>@<region>`.',
  properties: {
    cloud: { type: 'string', required: true, description: 'AWS, AZURE, GCP, ...' },
    service: { type: 'string', required: true, description: 'e.g. `iam`.' },
    operation: {
      type: 'string',
      required: true,
      description: 'e.g. `ListOpenIDConnectProviders`.',
    },
    region: { type: 'string', description: 'Region of the call, for regional services.' },
    errorCode: { type: 'string', required: true, description: 'e.g. `AccessDenied`.' },
    message: { type: 'string', description: "The cloud's message (credentials removed)." },
  },
});

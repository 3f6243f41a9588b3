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

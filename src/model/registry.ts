import type { NodeModel } from './define-node.js';
import type { RelModel } from './define-rel.js';
import * as awsIdentity from './models/aws-identity.js';
import * as awsRootUser from './models/aws-root-user.js';
import * as awsOrganizations from './models/aws-organizations.js';
import * as awsNetwork from './models/aws-network.js';
import * as awsCompute from './models/aws-compute.js';
import * as awsData from './models/aws-data.js';
import * as awsApps from './models/aws-apps.js';
import * as awsBuild from './models/aws-build.js';
import * as awsResourceLinks from './models/aws-resource-links.js';
import * as cairnCore from './models/cairn-core.js';

/** Every model module; adding a cloud or service means adding its module here. */
const modules: readonly Record<string, NodeModel | RelModel>[] = [
  cairnCore,
  awsIdentity,
  awsRootUser,
  awsOrganizations,
  awsNetwork,
  awsCompute,
  awsData,
  awsApps,
  awsBuild,
  awsResourceLinks,
];

function collect(): { nodes: Map<string, NodeModel>; rels: Map<string, RelModel> } {
  const nodes = new Map<string, NodeModel>();
  const rels = new Map<string, RelModel>();
  for (const module of modules) {
    for (const model of Object.values(module)) {
      if (model.kind === 'node') {
        if (nodes.has(model.label)) throw new Error(`node model ${model.label} defined twice`);
        nodes.set(model.label, model);
      } else {
        if (rels.has(model.type)) throw new Error(`relationship model ${model.type} defined twice`);
        rels.set(model.type, model);
      }
    }
  }
  for (const rel of rels.values()) {
    for (const end of [...rel.from, ...rel.to]) {
      if (!nodes.has(end)) throw new Error(`relationship ${rel.type} names unknown node ${end}`);
    }
  }
  return { nodes, rels };
}

const { nodes, rels } = collect();

export const nodeModels: ReadonlyMap<string, NodeModel> = nodes;
export const relModels: ReadonlyMap<string, RelModel> = rels;

/** Labels of Cairn's own bookkeeping nodes (scopes, scans, staged batches). */
export const BOOKKEEPING_LABELS = ['CairnScope', 'CairnScan', 'CairnStagedBatch'] as const;

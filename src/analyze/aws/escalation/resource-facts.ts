import type { EstateResource, ResourceKind } from '../estate/resource-estate.js';
import type { TechniqueShape } from './technique.js';

type ExistingResourceShape = Extract<TechniqueShape, { kind: 'existing-resource' }>;

/** How a kind's lifecycle states read: usable, usable once restarted, or gone for good. */
interface Lifecycle {
  readonly what: string;
  readonly usable: ReadonlySet<string>;
  readonly paused: ReadonlyMap<string, string>;
  readonly gone: ReadonlySet<string>;
  /** Stacks have many usable statuses: any not paused or gone is usable. */
  readonly usableUnlessListed?: true;
  /** Said when the state was not collected; nothing when a collected resource is usually usable. */
  readonly unknown?: string;
}

const startedAgain = (what: string): string => `the stopped ${what} is started again`;

const LIFECYCLES: Partial<Record<ResourceKind, Lifecycle>> = {
  'ec2-instance': {
    what: 'instance',
    usable: new Set(['running', 'pending']),
    paused: new Map([
      ['stopped', startedAgain('instance')],
      ['stopping', startedAgain('instance')],
    ]),
    gone: new Set(['terminated', 'shutting-down']),
    unknown: 'the instance is running (its state was not collected)',
  },
  'sagemaker-notebook': {
    what: 'notebook instance',
    usable: new Set(['InService', 'Pending', 'Updating']),
    paused: new Map([
      ['Stopped', startedAgain('notebook instance')],
      ['Stopping', startedAgain('notebook instance')],
    ]),
    gone: new Set(['Failed', 'Deleting']),
    unknown: 'the notebook instance is in service (its status was not collected)',
  },
  'glue-dev-endpoint': {
    what: 'endpoint',
    usable: new Set(['READY', 'PROVISIONING']),
    paused: new Map(),
    gone: new Set(['FAILED', 'TERMINATING', 'TERMINATED']),
    unknown: 'the endpoint is ready (its status was not collected)',
  },
  'cloudformation-stack': {
    what: 'stack',
    usable: new Set(),
    paused: new Map([
      [
        'UPDATE_ROLLBACK_FAILED',
        'the failed rollback of the stack is continued first (cloudformation:ContinueUpdateRollback)',
      ],
    ]),
    // A stack that never got created (or is being deleted) can only be deleted.
    gone: new Set([
      'CREATE_FAILED',
      'ROLLBACK_IN_PROGRESS',
      'ROLLBACK_FAILED',
      'ROLLBACK_COMPLETE',
      'DELETE_IN_PROGRESS',
      'DELETE_FAILED',
      'DELETE_COMPLETE',
    ]),
    usableUnlessListed: true,
  },
};

/**
 * What the technique needs of the resource that the data does not confirm, as preconditions;
 * undefined when the data says it cannot work (a terminated instance or failed stack, an
 * instance Systems Manager does not manage, Windows for SSH, a container-image function).
 */
export function resourceFacts(
  shape: ExistingResourceShape,
  resource: EstateResource,
): string[] | undefined {
  const facts: string[] = [];
  const lifecycle = LIFECYCLES[resource.kind];
  if (lifecycle) {
    const state = resource.state;
    if (state === undefined) {
      if (lifecycle.unknown) facts.push(lifecycle.unknown);
    } else if (lifecycle.gone.has(state)) {
      return undefined;
    } else if (lifecycle.paused.has(state)) {
      facts.push(lifecycle.paused.get(state) ?? '');
    } else if (!lifecycle.usable.has(state) && !lifecycle.usableUnlessListed) {
      facts.push(`the ${lifecycle.what} is usable (its state is ${state})`);
    }
  }
  const requires = shape.requires ?? {};
  if (requires.ssmManaged) {
    if (resource.ssmManaged === false) return undefined;
    if (resource.ssmManaged === undefined) {
      facts.push('Systems Manager manages the instance (SSM was not collected for its region)');
    }
  }
  if (requires.linux && resource.platform === 'windows') return undefined;
  if (requires.zipPackage) {
    if (resource.packageType === 'Image') return undefined;
    if (resource.packageType === undefined) {
      facts.push('the function is deployed as a .zip archive (its package type was not collected)');
    }
  }
  return facts;
}

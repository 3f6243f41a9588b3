import type { RelModel } from './define-rel.js';
import * as derivedRels from './derived-rels.js';
import * as derivedAccess from './derived-access.js';
import * as derivedNetwork from './derived-network.js';

/** Every derived relationship model, as the registry lists loaded ones. */
const modules: readonly Record<string, RelModel>[] = [derivedRels, derivedAccess, derivedNetwork];

export const DERIVED_RELS: readonly RelModel[] = modules.flatMap((module) => Object.values(module));

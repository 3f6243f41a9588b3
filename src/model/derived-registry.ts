import type { RelModel } from './define-rel.js';
import * as derivedRels from './derived-rels.js';

/** Every derived relationship model, as the registry lists loaded ones. */
const modules: readonly Record<string, RelModel>[] = [derivedRels];

export const DERIVED_RELS: readonly RelModel[] = modules.flatMap((module) => Object.values(module));

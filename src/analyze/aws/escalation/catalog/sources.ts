import type { TechniqueSource } from '../technique.js';

/** Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (by method). */
export const rhino = (ref: string): TechniqueSource => ({ catalog: 'rhino', ref });
/** BishopFox iam-vulnerable (by privesc path name). */
export const vulnerable = (ref: string): TechniqueSource => ({ catalog: 'iam-vulnerable', ref });
/** NCC Group PMapper (by edge checker). */
export const pmapper = (ref: string): TechniqueSource => ({ catalog: 'pmapper', ref });
/** pathfinding.cloud (by the permissions a path needs). */
export const pathfinding = (ref: string): TechniqueSource => ({
  catalog: 'pathfinding.cloud',
  ref,
});

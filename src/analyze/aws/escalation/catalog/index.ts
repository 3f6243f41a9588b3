import { techniqueActions, type Technique } from '../technique.js';
import { EXISTING_RESOURCE_TECHNIQUES } from './existing-resource.js';
import { IAM_IDENTITY_TECHNIQUES } from './iam-identity.js';
import { IAM_PERMISSION_TECHNIQUES } from './iam-permissions.js';
import { PASS_ROLE_TECHNIQUES } from './pass-role.js';

/** Every AWS escalation technique Cairn evaluates, by stable id. */
export const AWS_ESCALATION_TECHNIQUES: readonly Technique[] = [
  ...IAM_PERMISSION_TECHNIQUES,
  ...IAM_IDENTITY_TECHNIQUES,
  ...PASS_ROLE_TECHNIQUES,
  ...EXISTING_RESOURCE_TECHNIQUES,
];

/** Role assumption is an escalation step too; its edges come from the trust analysis. */
export const ASSUME_ROLE_TECHNIQUE = 'aws.sts.AssumeRole';

const DEFAULT_ACTIONS = new Map<string, readonly string[]>([
  [ASSUME_ROLE_TECHNIQUE, ['sts:AssumeRole']],
  ...AWS_ESCALATION_TECHNIQUES.map((t): [string, readonly string[]] => [t.id, techniqueActions(t)]),
]);

/**
 * The actions an edge of this technique relies on when nothing was joined to it: edges store
 * `actions` only when they differ, and readers fill them in from here.
 */
export function defaultActions(techniqueId: string): readonly string[] | undefined {
  return DEFAULT_ACTIONS.get(techniqueId);
}

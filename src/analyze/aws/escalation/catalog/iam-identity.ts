import type { Technique } from '../technique.js';
import { pathfinding, pmapper, rhino, vulnerable } from './sources.js';

const pmapperIam = pmapper('IAM edges');

/** Techniques that obtain another identity's credentials (Rhino Security Labs 4–6, 14). */
export const IAM_IDENTITY_TECHNIQUES: readonly Technique[] = [
  {
    id: 'aws.iam.CreateAccessKey',
    title: 'Create an access key for another user (a user may hold at most two)',
    shape: { kind: 'user-credentials', requires: 'free-key-slot' },
    needs: [{ action: 'iam:CreateAccessKey', on: 'target' }],
    sources: [
      rhino('Creating a new user access key'),
      vulnerable('privesc4-CreateAccessKey'),
      pmapperIam,
      pathfinding('iam:CreateAccessKey'),
    ],
  },
  {
    id: 'aws.iam.CreateLoginProfile',
    title: 'Set a console password for a user that has none, then sign in as it',
    shape: { kind: 'user-credentials', requires: 'no-console-password' },
    needs: [{ action: 'iam:CreateLoginProfile', on: 'target' }],
    sources: [
      rhino('Creating a new login profile'),
      vulnerable('privesc5-CreateLoginProfile'),
      pmapperIam,
      pathfinding('iam:CreateLoginProfile'),
    ],
  },
  {
    id: 'aws.iam.UpdateLoginProfile',
    title: "Change another user's console password, then sign in as it",
    shape: { kind: 'user-credentials', requires: 'console-password' },
    needs: [{ action: 'iam:UpdateLoginProfile', on: 'target' }],
    sources: [
      rhino('Updating an existing login profile'),
      vulnerable('privesc6-UpdateLoginProfile'),
      pmapperIam,
      pathfinding('iam:UpdateLoginProfile'),
    ],
  },
  {
    id: 'aws.iam.UpdateAssumeRolePolicy',
    title: "Rewrite a role's trust policy to trust the caller, then assume the role",
    shape: { kind: 'rewrite-trust' },
    needs: [{ action: 'iam:UpdateAssumeRolePolicy', on: 'target' }],
    sources: [
      rhino('Updating the AssumeRolePolicyDocument of a role'),
      vulnerable('privesc14-UpdatingAssumeRolePolicy'),
      pmapperIam,
      pathfinding('iam:UpdateAssumeRolePolicy + sts:AssumeRole'),
    ],
  },
];

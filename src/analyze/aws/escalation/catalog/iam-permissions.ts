import { ADMIN_POLICY_ARN, type Technique } from '../technique.js';
import { pathfinding, pmapper, rhino, vulnerable } from './sources.js';

const pmapperIam = pmapper('IAM edges');
const attaches = { 'iam:PolicyARN': ADMIN_POLICY_ARN };
const setsBoundary = { 'iam:PermissionsBoundary': ADMIN_POLICY_ARN };

/** Techniques that change a principal's own permissions (source: Rhino Security Labs 1–2, 7–13). */
export const IAM_PERMISSION_TECHNIQUES: readonly Technique[] = [
  {
    id: 'aws.iam.CreatePolicyVersion',
    title: 'Write a new default version of a customer-managed policy attached to the target',
    shape: { kind: 'grant-admin', targets: 'user-or-role' },
    needs: [{ action: 'iam:CreatePolicyVersion', on: 'target-policy' }],
    sources: [
      rhino('Creating a new policy version'),
      vulnerable('privesc1-CreateNewPolicyVersion'),
      pmapperIam,
      pathfinding('iam:CreatePolicyVersion'),
    ],
  },
  {
    id: 'aws.iam.SetDefaultPolicyVersion',
    title: 'Make an older, broader version of an attached customer-managed policy the default',
    shape: { kind: 'grant-admin', targets: 'user-or-role' },
    needs: [{ action: 'iam:SetDefaultPolicyVersion', on: 'target-policy' }],
    sources: [
      rhino('Setting the default policy version to an existing version'),
      vulnerable('privesc2-SetExistingDefaultPolicyVersion'),
      pathfinding('iam:SetDefaultPolicyVersion'),
    ],
    unverifiable:
      'a non-default version of the policy grants admin (only default versions are collected)',
  },
  {
    id: 'aws.iam.AttachUserPolicy',
    title: 'Attach AdministratorAccess to the target user',
    shape: { kind: 'grant-admin', targets: 'user' },
    needs: [{ action: 'iam:AttachUserPolicy', on: 'target', context: attaches }],
    sources: [
      rhino('Attaching a policy to a user'),
      vulnerable('privesc7-AttachUserPolicy'),
      pmapperIam,
      pathfinding('iam:AttachUserPolicy'),
    ],
  },
  {
    id: 'aws.iam.AttachGroupPolicy',
    title: "Attach AdministratorAccess to one of the target user's groups",
    shape: { kind: 'grant-admin', targets: 'user' },
    needs: [{ action: 'iam:AttachGroupPolicy', on: 'target-group', context: attaches }],
    sources: [
      rhino('Attaching a policy to a group'),
      vulnerable('privesc8-AttachGroupPolicy'),
      pmapperIam,
      pathfinding('iam:AttachGroupPolicy'),
    ],
  },
  {
    id: 'aws.iam.AttachRolePolicy',
    title: 'Attach AdministratorAccess to the target role',
    shape: { kind: 'grant-admin', targets: 'role' },
    needs: [{ action: 'iam:AttachRolePolicy', on: 'target', context: attaches }],
    sources: [
      rhino('Attaching a policy to a role'),
      vulnerable('privesc9-AttachRolePolicy'),
      pmapperIam,
      pathfinding('iam:AttachRolePolicy'),
    ],
  },
  {
    id: 'aws.iam.PutUserPolicy',
    title: 'Write an inline admin policy into the target user',
    shape: { kind: 'grant-admin', targets: 'user' },
    needs: [{ action: 'iam:PutUserPolicy', on: 'target' }],
    sources: [
      rhino('Creating/updating an inline policy for a user'),
      vulnerable('privesc10-PutUserPolicy'),
      pmapperIam,
      pathfinding('iam:PutUserPolicy'),
    ],
  },
  {
    id: 'aws.iam.PutGroupPolicy',
    title: "Write an inline admin policy into one of the target user's groups",
    shape: { kind: 'grant-admin', targets: 'user' },
    needs: [{ action: 'iam:PutGroupPolicy', on: 'target-group' }],
    sources: [
      rhino('Creating/updating an inline policy for a group'),
      vulnerable('privesc11-PutGroupPolicy'),
      pmapperIam,
      pathfinding('iam:PutGroupPolicy'),
    ],
  },
  {
    id: 'aws.iam.PutRolePolicy',
    title: 'Write an inline admin policy into the target role',
    shape: { kind: 'grant-admin', targets: 'role' },
    needs: [{ action: 'iam:PutRolePolicy', on: 'target' }],
    sources: [
      rhino('Creating/updating an inline policy for a role'),
      vulnerable('privesc12-PutRolePolicy'),
      pmapperIam,
      pathfinding('iam:PutRolePolicy'),
    ],
  },
  {
    id: 'aws.iam.AddUserToGroup',
    title: 'Join a group whose policies are admin-equivalent',
    shape: { kind: 'join-group' },
    needs: [{ action: 'iam:AddUserToGroup', on: 'joined-group' }],
    sources: [
      rhino('Adding a user to a group'),
      vulnerable('privesc13-AddUserToGroup'),
      pmapperIam,
      pathfinding('iam:AddUserToGroup'),
    ],
  },
  {
    id: 'aws.iam.DeleteUserPermissionsBoundary',
    title: 'Delete the permissions boundary that is all that keeps the user from admin',
    shape: { kind: 'lift-boundary', targets: 'user' },
    needs: [{ action: 'iam:DeleteUserPermissionsBoundary', on: 'target' }],
    sources: [pathfinding('iam:DeleteUserPermissionsBoundary')],
  },
  {
    id: 'aws.iam.DeleteRolePermissionsBoundary',
    title: 'Delete the permissions boundary that is all that keeps the role from admin',
    shape: { kind: 'lift-boundary', targets: 'role' },
    needs: [{ action: 'iam:DeleteRolePermissionsBoundary', on: 'target' }],
    sources: [pathfinding('iam:DeleteRolePermissionsBoundary')],
  },
  {
    id: 'aws.iam.PutUserPermissionsBoundary',
    title: "Replace the user's limiting boundary with AdministratorAccess",
    shape: { kind: 'lift-boundary', targets: 'user' },
    needs: [{ action: 'iam:PutUserPermissionsBoundary', on: 'target', context: setsBoundary }],
    sources: [pathfinding('iam:PutUserPermissionsBoundary')],
  },
  {
    id: 'aws.iam.PutRolePermissionsBoundary',
    title: "Replace the role's limiting boundary with AdministratorAccess",
    shape: { kind: 'lift-boundary', targets: 'role' },
    needs: [{ action: 'iam:PutRolePermissionsBoundary', on: 'target', context: setsBoundary }],
    sources: [pathfinding('iam:PutRolePermissionsBoundary')],
  },
];

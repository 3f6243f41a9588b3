import type { Technique } from '../technique.js';
import { IAM_IDENTITY_TECHNIQUES } from './iam-identity.js';
import { IAM_PERMISSION_TECHNIQUES } from './iam-permissions.js';
import { PASS_ROLE_TECHNIQUES } from './pass-role.js';

/** Every AWS escalation technique Cairn evaluates, by stable id. */
export const AWS_ESCALATION_TECHNIQUES: readonly Technique[] = [
  ...IAM_PERMISSION_TECHNIQUES,
  ...IAM_IDENTITY_TECHNIQUES,
  ...PASS_ROLE_TECHNIQUES,
];

/** Role assumption is an escalation step too; its edges come from the trust analysis. */
export const ASSUME_ROLE_TECHNIQUE = 'aws.sts.AssumeRole';

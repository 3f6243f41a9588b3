import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';
import { tagsProperty } from './common-properties.js';

export const AWSAccount = defineNode({
  label: 'AWSAccount',
  sharedLabels: ['Account'],
  provider: Provider.AWS,
  description: 'An AWS account.',
  idDescription: 'The 12-digit account id.',
  properties: {
    name: { type: 'string', description: 'Account name, when Organizations reports it.' },
    email: { type: 'string', description: 'Root email, when Organizations reports it.' },
    organizationId: { type: 'string', indexed: true, description: 'Organization id (o-...).' },
    isManagementAccount: { type: 'boolean', description: "The organization's management account." },
  },
});

export const AWSUser = defineNode({
  label: 'AWSUser',
  sharedLabels: ['Principal', 'Human'],
  provider: Provider.AWS,
  description: 'An IAM user.',
  idDescription: 'The user ARN.',
  properties: {
    name: { type: 'string', required: true, indexed: true, description: 'User name.' },
    userId: { type: 'string', description: 'The AIDA... unique id.' },
    path: { type: 'string', description: 'IAM path.' },
    createDate: { type: 'datetime', description: 'When the user was created.' },
    permissionsBoundaryArn: { type: 'string', description: 'Permissions boundary policy ARN.' },
    tags: tagsProperty,
    hasConsolePassword: {
      type: 'boolean',
      description: 'Credential report: a console password is set.',
    },
    mfaActive: { type: 'boolean', description: 'Credential report: an MFA device is active.' },
    passwordLastUsed: { type: 'datetime', description: 'Credential report: last console sign-in.' },
    passwordLastChanged: {
      type: 'datetime',
      description: 'Credential report: last password change.',
    },
  },
});

export const AWSGroup = defineNode({
  label: 'AWSGroup',
  sharedLabels: ['Group'],
  provider: Provider.AWS,
  description: 'An IAM group.',
  idDescription: 'The group ARN.',
  properties: {
    name: { type: 'string', required: true, indexed: true, description: 'Group name.' },
    groupId: { type: 'string', description: 'The AGPA... unique id.' },
    path: { type: 'string', description: 'IAM path.' },
    createDate: { type: 'datetime', description: 'When the group was created.' },
  },
});

export const AWSRole = defineNode({
  label: 'AWSRole',
  sharedLabels: ['Principal', 'Workload'],
  provider: Provider.AWS,
  description: 'An IAM role.',
  idDescription: 'The role ARN.',
  properties: {
    name: { type: 'string', required: true, indexed: true, description: 'Role name.' },
    roleId: { type: 'string', description: 'The AROA... unique id.' },
    path: { type: 'string', description: 'IAM path.' },
    createDate: { type: 'datetime', description: 'When the role was created.' },
    trustPolicy: { type: 'json', description: 'The assume-role (trust) policy document.' },
    maxSessionDuration: { type: 'integer', description: 'Maximum session length in seconds.' },
    permissionsBoundaryArn: { type: 'string', description: 'Permissions boundary policy ARN.' },
    lastUsed: { type: 'datetime', description: 'When the role was last used.' },
    lastUsedRegion: { type: 'string', description: 'Where the role was last used.' },
    tags: tagsProperty,
  },
});

export const AWSPolicy = defineNode({
  label: 'AWSPolicy',
  sharedLabels: ['Policy'],
  provider: Provider.AWS,
  description: 'A customer-managed or inline IAM policy.',
  idDescription: 'The policy ARN; inline policies: `<owner ARN>#inline/<policy name>`.',
  properties: {
    name: { type: 'string', required: true, description: 'Policy name.' },
    policyType: { type: 'string', required: true, description: '`managed` or `inline`.' },
    document: { type: 'json', required: true, description: 'The (default version) document.' },
    defaultVersionId: { type: 'string', description: 'Default version of a managed policy.' },
    path: { type: 'string', description: 'IAM path of a managed policy.' },
    attachmentCount: {
      type: 'integer',
      description: 'Principals a managed policy is attached to.',
    },
    createDate: { type: 'datetime', description: 'When a managed policy was created.' },
    updateDate: { type: 'datetime', description: 'When a managed policy was last changed.' },
  },
});

export const AWSManagedPolicy = defineNode({
  label: 'AWSManagedPolicy',
  sharedLabels: ['Policy'],
  provider: Provider.AWS,
  sharedScope: 'aws:managed-policies',
  description: 'An AWS-managed policy (arn:aws:iam::aws:policy/...), shared by every account.',
  idDescription: 'The policy ARN.',
  properties: {
    name: { type: 'string', required: true, indexed: true, description: 'Policy name.' },
    document: { type: 'json', required: true, description: 'The default version document.' },
    defaultVersionId: { type: 'string', description: 'Default version id.' },
    path: { type: 'string', description: 'IAM path.' },
  },
});

export const AWSServicePrincipal = defineNode({
  label: 'AWSServicePrincipal',
  sharedLabels: ['Principal'],
  provider: Provider.AWS,
  sharedScope: 'aws:service-principals',
  description:
    'An AWS service principal a role trust names (e.g. lambda.amazonaws.com): resources of that service can run as the role.',
  idDescription: 'The service principal name, e.g. `lambda.amazonaws.com`.',
  properties: {
    name: { type: 'string', required: true, indexed: true, description: 'The service principal.' },
  },
});

export const AWSInstanceProfile = defineNode({
  label: 'AWSInstanceProfile',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An EC2 instance profile.',
  idDescription: 'The instance profile ARN.',
  properties: {
    name: { type: 'string', required: true, description: 'Instance profile name.' },
    path: { type: 'string', description: 'IAM path.' },
    instanceProfileId: { type: 'string', description: 'The AIPA... unique id.' },
    createDate: { type: 'datetime', description: 'When the instance profile was created.' },
  },
});

export const IN_ACCOUNT = defineRel({
  type: 'IN_ACCOUNT',
  from: [
    'AWSUser',
    'AWSGroup',
    'AWSRole',
    'AWSPolicy',
    'AWSInstanceProfile',
    'AWSOidcProvider',
    'AWSSamlProvider',
  ],
  to: ['AWSAccount'],
  description: 'The account that holds the resource.',
  properties: {},
});

export const TRUSTS_SERVICE = defineRel({
  type: 'TRUSTS_SERVICE',
  from: ['AWSRole'],
  to: ['AWSServicePrincipal'],
  description:
    "The role's trust policy names the service in an Allow (whether it can assume the role, under which conditions, is CAN_ASSUME's question).",
  properties: {},
});

export const MEMBER_OF = defineRel({
  type: 'MEMBER_OF',
  from: ['AWSUser'],
  to: ['AWSGroup'],
  description: 'Group membership.',
  properties: {},
});

export const HAS_POLICY = defineRel({
  type: 'HAS_POLICY',
  from: ['AWSUser', 'AWSGroup', 'AWSRole'],
  to: ['AWSPolicy', 'AWSManagedPolicy'],
  description: 'An identity policy attached to (or inline in) the principal.',
  properties: {
    attachment: { type: 'string', required: true, description: '`managed` or `inline`.' },
  },
});

export const HAS_BOUNDARY = defineRel({
  type: 'HAS_BOUNDARY',
  from: ['AWSUser', 'AWSRole'],
  to: ['AWSPolicy', 'AWSManagedPolicy'],
  description: 'The permissions boundary of the principal.',
  properties: {},
});

export const HAS_ROLE = defineRel({
  type: 'HAS_ROLE',
  from: ['AWSInstanceProfile'],
  to: ['AWSRole'],
  description: 'The role an instance profile passes to its instances.',
  properties: {},
});

export const AWSAccessKey = defineNode({
  label: 'AWSAccessKey',
  sharedLabels: [],
  provider: Provider.AWS,
  description: "An IAM user's access key (the id only; secrets are never collected).",
  idDescription: 'The access key id (AKIA...).',
  properties: {
    status: { type: 'string', required: true, description: '`Active` or `Inactive`.' },
    createDate: { type: 'datetime', description: 'When the key was created.' },
    lastUsedDate: { type: 'datetime', description: 'When the key was last used, if ever.' },
    lastUsedService: { type: 'string', description: 'The service it was last used with.' },
    lastUsedRegion: { type: 'string', description: 'The region it was last used in.' },
  },
});

export const AWSOidcProvider = defineNode({
  label: 'AWSOidcProvider',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An IAM OpenID Connect identity provider (e.g. GitHub Actions, EKS).',
  idDescription: 'The provider ARN.',
  properties: {
    url: { type: 'string', indexed: true, description: 'Issuer URL without scheme.' },
    clientIds: { type: 'string[]', description: 'Audiences (client ids) it accepts.' },
    thumbprints: { type: 'string[]', description: 'Server certificate thumbprints.' },
    createDate: { type: 'datetime', description: 'When it was created.' },
  },
});

export const AWSSamlProvider = defineNode({
  label: 'AWSSamlProvider',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An IAM SAML identity provider.',
  idDescription: 'The provider ARN.',
  properties: {
    createDate: { type: 'datetime', description: 'When it was created.' },
    validUntil: { type: 'datetime', description: 'When its metadata expires.' },
  },
});

export const HAS_ACCESS_KEY = defineRel({
  type: 'HAS_ACCESS_KEY',
  from: ['AWSUser'],
  to: ['AWSAccessKey'],
  description: "A user's access key.",
  properties: {},
});

export const AWSPasswordPolicy = defineNode({
  label: 'AWSPasswordPolicy',
  sharedLabels: [],
  provider: Provider.AWS,
  description: "An account's IAM password policy (absent when the account has none).",
  idDescription: '`<account id>/password-policy`.',
  properties: {
    minimumLength: { type: 'integer', description: 'Minimum password length.' },
    requireSymbols: { type: 'boolean', description: 'Symbols required.' },
    requireNumbers: { type: 'boolean', description: 'Numbers required.' },
    requireUppercase: { type: 'boolean', description: 'Upper-case letters required.' },
    requireLowercase: { type: 'boolean', description: 'Lower-case letters required.' },
    maxPasswordAge: { type: 'integer', description: 'Days before a password expires.' },
    passwordReusePrevention: {
      type: 'integer',
      description: 'Previous passwords that cannot be reused.',
    },
    hardExpiry: { type: 'boolean', description: 'Expired passwords need an administrator.' },
  },
});

export const HAS_PASSWORD_POLICY = defineRel({
  type: 'HAS_PASSWORD_POLICY',
  from: ['AWSAccount'],
  to: ['AWSPasswordPolicy'],
  description: "The account's password policy.",
  properties: {},
});

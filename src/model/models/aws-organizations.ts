import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';

export const AWSOrganization = defineNode({
  label: 'AWSOrganization',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An AWS Organizations organization.',
  idDescription: 'The organization id (o-...).',
  properties: {
    arn: { type: 'string', description: 'The organization ARN.' },
    managementAccountId: { type: 'string', required: true, description: 'The management account.' },
    featureSet: {
      type: 'string',
      description: '`ALL` (SCPs available) or `CONSOLIDATED_BILLING`.',
    },
  },
});

export const AWSOrganizationalUnit = defineNode({
  label: 'AWSOrganizationalUnit',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An organizational unit, or the root of the organization.',
  idDescription: 'The OU id (ou-...) or root id (r-...).',
  properties: {
    name: { type: 'string', required: true, description: 'OU name (`Root` for the root).' },
    arn: { type: 'string', description: 'The OU or root ARN.' },
    isRoot: { type: 'boolean', required: true, description: 'The root of the organization.' },
  },
});

export const AWSOrgPolicy = defineNode({
  label: 'AWSOrgPolicy',
  sharedLabels: ['Policy'],
  provider: Provider.AWS,
  description: 'A service control policy (SCP) or resource control policy (RCP).',
  idDescription: 'The policy id (p-...).',
  properties: {
    name: { type: 'string', required: true, description: 'Policy name.' },
    arn: { type: 'string', description: 'The policy ARN.' },
    policyType: { type: 'string', required: true, indexed: true, description: '`SCP` or `RCP`.' },
    document: { type: 'json', required: true, description: 'The policy content.' },
    awsManaged: { type: 'boolean', description: 'AWS-managed (FullAWSAccess, RCPFullAWSAccess).' },
  },
});

export const IN_ORGANIZATION = defineRel({
  type: 'IN_ORGANIZATION',
  from: ['AWSOrganizationalUnit'],
  to: ['AWSOrganization'],
  description: 'The organization an OU or root belongs to.',
  properties: {},
});

export const CHILD_OF = defineRel({
  type: 'CHILD_OF',
  from: ['AWSOrganizationalUnit', 'AWSAccount'],
  to: ['AWSOrganizationalUnit'],
  description: 'The parent OU (or root) of an OU or account.',
  properties: {},
});

export const APPLIES_TO = defineRel({
  type: 'APPLIES_TO',
  from: ['AWSOrgPolicy'],
  to: ['AWSOrganizationalUnit', 'AWSAccount'],
  description: 'An SCP or RCP attached to a root, OU or account.',
  properties: {},
});

export const MANAGED_BY = defineRel({
  type: 'MANAGED_BY',
  from: ['AWSOrganization'],
  to: ['AWSAccount'],
  description: "The organization's management account (SCPs do not apply to it).",
  properties: {},
});

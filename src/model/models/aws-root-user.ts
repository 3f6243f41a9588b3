import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';

/*
 * The root user is not an IAM principal Cairn analyzes (no policies apply to it, so it carries no
 * Principal label); it is kept for the posture rules that judge its credentials.
 */
export const AWSRootUser = defineNode({
  label: 'AWSRootUser',
  sharedLabels: [],
  provider: Provider.AWS,
  description:
    "An account's root user, as the credential report's `<root_account>` row describes it (unknown values are left unset).",
  idDescription: '`<account id>/root-user`.',
  properties: {
    account: { type: 'string', required: true, indexed: true, description: 'Owning account id.' },
    passwordEnabled: {
      type: 'boolean',
      description: 'A console password is set (the report often says `not_supported` for root).',
    },
    passwordLastUsed: { type: 'datetime', description: 'Last console sign-in as root.' },
    mfaActive: { type: 'boolean', description: 'An MFA device is active on the root user.' },
    accessKey1Active: { type: 'boolean', description: 'The first root access key is active.' },
    accessKey1LastRotated: {
      type: 'datetime',
      description: 'When the first root access key was created or last rotated.',
    },
    accessKey1LastUsed: {
      type: 'datetime',
      description: 'When the first root access key was last used.',
    },
    accessKey2Active: { type: 'boolean', description: 'The second root access key is active.' },
    accessKey2LastRotated: {
      type: 'datetime',
      description: 'When the second root access key was created or last rotated.',
    },
    accessKey2LastUsed: {
      type: 'datetime',
      description: 'When the second root access key was last used.',
    },
  },
});

export const HAS_ROOT_USER = defineRel({
  type: 'HAS_ROOT_USER',
  from: ['AWSAccount'],
  to: ['AWSRootUser'],
  description: "The account's root user.",
  properties: {},
});

import { defineRel } from './define-rel.js';

// Data-access relationships the analysis derives (principal or the internet → data resource).

export const CAN_ACCESS = defineRel({
  type: 'CAN_ACCESS',
  from: ['AWSUser', 'AWSRole', 'Internet'],
  to: ['AWSS3Bucket', 'AWSSecret', 'AWSKmsKey', 'AWSRdsInstance', 'AWSEBSSnapshot', 'AWSAmi'],
  description:
    "The principal can read, write or change permissions of the data store after every deny, boundary and SCP: the store's own policy (bucket, secret or key policy; a key policy must allow or delegate to the account) and the principal's policies, both for another account's store; for a database, `rds-db:connect` as any of its users with IAM authentication on. From the Internet: what strangers get, one relationship per audience (a public bucket policy or ACL grant, a public snapshot or image). Not drawn from an admin-equivalent principal to a store of its own account (`isAdmin` implies it), except to a KMS key whose policy does not delegate to the account.",
  properties: {
    levels: {
      type: 'string[]',
      required: true,
      description:
        "`read`, `write`, `permissions`: the access levels (the action catalog's Read/List, Write, Permissions management) of the actions allowed on the store or what it holds.",
    },
    conditionalLevels: {
      type: 'string[]',
      description: 'The levels reached only if pending conditions hold; unset when none.',
    },
    actions: {
      type: 'string[]',
      required: true,
      description: 'A few allowed actions per level, the telling ones first (`s3:GetObject`).',
    },
    conditional: {
      type: 'boolean',
      required: true,
      description: 'Holds only if pending conditions do (no level is reached outright).',
    },
    pending: {
      type: 'json',
      description: 'Conditions on request context Cairn cannot know; unset when none.',
    },
    audience: {
      type: 'string',
      description:
        'From the Internet only: `anyone` (unsigned requests) or `any-aws-account` (any signed-in AWS principal).',
    },
    evidence: {
      type: 'json',
      required: true,
      description:
        'Per listed action, compact: `[{action, resource?, by?: [[policyType, policyId, statementIndex, effect, sid?, level?]], acl?: {group, permission, index}, attribute?, conditional?}]`; `resource` is absent when it is the store itself, `acl` names a public ACL grant, `attribute` a public attribute (`launchPermission: all`).',
    },
    analysisId: { type: 'string', required: true, description: 'The analysis that derived it.' },
  },
});

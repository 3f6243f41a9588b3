import { defineRel } from './define-rel.js';

/**
 * Relationships the analysis stage derives (never loaded). Each carries the analysis that wrote
 * it and the evidence that produced it; an analysis removes the ones it did not write again.
 */
const EVIDENCE =
  'Per action, compact: `[{action, resource?, principal?, by: [[policyType, policyId, statementIndex, effect, sid?, level?]]}]`; `resource` is absent when it is the target, `principal` names a service acting for the source.';

export const CAN_ASSUME = defineRel({
  type: 'CAN_ASSUME',
  from: [
    'AWSUser',
    'AWSRole',
    'AWSAccount',
    'AWSOidcProvider',
    'AWSSamlProvider',
    'AWSServicePrincipal',
  ],
  to: ['AWSRole'],
  description:
    "The principal can become the role: the role's trust policy and the principal's own policies (boundary and SCPs included) allow sts:AssumeRole; or a principal (or any principal, from its AWSAccount node) of an account Cairn has not loaded can, by the trust alone, its own policies unknown; or identities of an OIDC/SAML provider can, through AssumeRoleWithWebIdentity/SAML, under the trust's claim conditions; or an AWS service can (from its AWSServicePrincipal node), under the trust's source conditions. Not drawn from an admin-equivalent principal to a role of its own account: `isAdmin` already implies it.",
  properties: {
    technique: { type: 'string', required: true, description: 'e.g. `aws.sts.AssumeRole`.' },
    actions: {
      type: 'string[]',
      description: 'Unset for sts:AssumeRole; the federation action otherwise.',
    },
    conditional: {
      type: 'boolean',
      required: true,
      description: 'Holds only if pending conditions do.',
    },
    pending: {
      type: 'json',
      description: 'Conditions on request context Cairn cannot know; unset when none.',
    },
    evidence: {
      type: 'json',
      required: true,
      description: EVIDENCE,
    },
    analysisId: { type: 'string', required: true, description: 'The analysis that derived it.' },
  },
});

export const CAN_ESCALATE = defineRel({
  type: 'CAN_ESCALATE',
  from: ['AWSUser', 'AWSRole'],
  to: ['AWSUser', 'AWSRole'],
  description:
    "A privilege-escalation technique: the principal can obtain the target's permissions, or (with `grantsAdmin`) make the target — itself, or a principal it can become — admin-equivalent. One relationship per technique.",
  properties: {
    technique: {
      type: 'string',
      required: true,
      description: 'Stable technique id, e.g. `aws.iam.CreatePolicyVersion`.',
    },
    actions: {
      type: 'string[]',
      description:
        "The permissions it relies on, when they differ from the technique's own (a grant joined to becoming its target); unset otherwise.",
    },
    grantsAdmin: {
      type: 'boolean',
      required: true,
      description: 'The target ends admin-equivalent (a path may stop here).',
    },
    conditional: {
      type: 'boolean',
      required: true,
      description: 'Holds only if pending conditions and preconditions do.',
    },
    pending: {
      type: 'json',
      description: 'Conditions on request context Cairn cannot know; unset when none.',
    },
    preconditions: {
      type: 'string[]',
      description:
        'Facts the technique needs that the collected data cannot confirm; unset when none.',
    },
    through: {
      type: 'string',
      description: 'For a grant to another principal: the technique that becomes it first.',
    },
    evidence: { type: 'json', required: true, description: EVIDENCE },
    analysisId: { type: 'string', required: true, description: 'The analysis that derived it.' },
  },
});

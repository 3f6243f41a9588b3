import { defineRel } from './define-rel.js';

/**
 * Relationships the analysis stage derives (never loaded). Each carries the analysis that wrote
 * it and the evidence that produced it; an analysis removes the ones it did not write again.
 */
export const CAN_ASSUME = defineRel({
  type: 'CAN_ASSUME',
  from: ['AWSUser', 'AWSRole'],
  to: ['AWSRole'],
  description:
    "The principal can become the role: the role's trust policy and the principal's own policies (boundary and SCPs included) allow sts:AssumeRole.",
  properties: {
    technique: { type: 'string', required: true, description: 'e.g. `aws.sts.AssumeRole`.' },
    actions: { type: 'string[]', required: true, description: 'The permissions it relies on.' },
    conditional: {
      type: 'boolean',
      required: true,
      description: 'Holds only if pending conditions do.',
    },
    pending: { type: 'json', description: 'Conditions on request context Cairn cannot know.' },
    evidence: { type: 'json', required: true, description: 'The statements that decided it.' },
    analysisId: { type: 'string', required: true, description: 'The analysis that derived it.' },
  },
});

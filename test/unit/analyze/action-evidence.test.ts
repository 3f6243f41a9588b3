import { describe, expect, it } from 'vitest';
import {
  decodeEvidence,
  encodeEvidence,
  type ActionEvidence,
} from '../../../src/analyze/aws/action-evidence.js';

const ROLE = 'arn:aws:iam::111111111111:role/target';
const allow = (policyId: string, statementIndex: number) =>
  ({
    policyType: 'identity',
    policyId,
    statementIndex,
    sid: undefined,
    effect: 'Allow',
    level: undefined,
  }) as const;

describe('edge evidence codec', () => {
  it('round-trips statements, resources, sids, SCP levels and a service principal', () => {
    const evidence: ActionEvidence[] = [
      { action: 'iam:PassRole', resource: ROLE, decidedBy: [allow('p1', 0)] },
      {
        action: 'lambda:CreateFunction',
        resource: '*',
        decidedBy: [
          { ...allow('p1', 1), sid: 'Create "fns"' },
          {
            policyType: 'scp',
            policyId: 'p-123',
            statementIndex: 0,
            sid: undefined,
            effect: 'Allow',
            level: 2,
          },
        ],
      },
      {
        action: 'sts:AssumeRole',
        resource: ROLE,
        decidedBy: [{ ...allow(ROLE, 0), policyType: 'resource' }],
        principal: 'lambda.amazonaws.com',
      },
    ];
    expect(decodeEvidence(encodeEvidence(evidence, ROLE), ROLE)).toEqual(evidence);
  });

  it('keeps a repeated statement once and leaves out a resource equal to the target', () => {
    const text = encodeEvidence(
      [{ action: 'iam:PassRole', resource: ROLE, decidedBy: [allow('p1', 0), allow('p1', 0)] }],
      ROLE,
    );
    expect(JSON.parse(text)).toEqual([
      { action: 'iam:PassRole', by: [['identity', 'p1', 0, 'Allow']] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { stepFixes } from '../../../src/paths/attack/step-fixes.js';
import type { StoredStep } from '../../../src/paths/attack/stored-attack-path.js';

const step = (ref: string, over: Partial<StoredStep> = {}): StoredStep => ({
  from: 'a',
  to: 'b',
  technique: 't',
  likelihood: 0.9,
  ref,
  ...over,
});

describe('stepFixes', () => {
  it('closes the reached ports of a resource', () => {
    const [fix] = stepFixes(step('reach:internet->i:network.Reach', { detail: ['tcp:22'] }));
    expect(fix?.fix).toEqual({ kind: 'closePorts', resource: 'b', ports: ['tcp:22'] });
    expect(fix?.summary).toContain('tcp:22');
  });

  it('drops the trust of an assumption', () => {
    expect(stepFixes(step('assume:a->b:aws.sts.AssumeRole'))[0]?.fix).toEqual({
      kind: 'dropTrust',
      role: 'b',
      principal: 'a',
    });
  });

  it('removes an escalation hop by its technique, to the principal rather than its admin self', () => {
    const [fix] = stepFixes(
      step('escalate:a->a:aws.iam.PutRolePolicy', {
        to: 'a#admin',
        technique: 'aws.iam.PutRolePolicy',
      }),
    );
    expect(fix?.fix).toEqual({
      kind: 'removeHop',
      from: 'a',
      to: 'a',
      technique: 'aws.iam.PutRolePolicy',
    });
  });

  it('removes a data hop whatever level it shows, since one access edge carries them all', () => {
    const [fix] = stepFixes(
      step('access:a->b:data.Access', { technique: 'data.Write', detail: ['read', 'write'] }),
    );
    expect(fix?.fix).toEqual({ kind: 'removeHop', from: 'a', to: 'b' });
    expect(fix?.summary).toContain('read/write');
  });

  it.each([
    ['runsAsImdsV1:i->r:x', 'IMDSv2'],
    ['runsAs:f->r:x', 'less access'],
    ['publicAccess:internet->b:data.Access', 'Block Public Access'],
    ['adminControl:a#admin->b:aws.iam.AdministerAccount', 'admin-equivalent'],
    ['accountHolds:111111111111->b:aws.account.Holds', 'fewer principals administer'],
    ['mystery:a->b:x', 'Remove the hop'],
  ])('says how to cut a %s hop', (ref, words) => {
    const [fix] = stepFixes(step(ref));
    expect(fix?.summary).toContain(words);
  });
});

import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { describeRoute, publicGrantsOf } from '../../../../src/rules/aws-exposure/public-grants.js';

describe('publicGrantsOf', () => {
  it('reads levels and how each action is granted (policy statements, ACL grants, attributes)', () => {
    const evidence = [
      {
        action: 's3:GetObject',
        by: [['resource', 'arn:aws:s3:::b#policy', 0, 'Allow', 'PublicRead']],
      },
      { action: 's3:ListBucket', acl: { group: 'AllUsers', permission: 'READ', index: 1 } },
      { action: 's3:PutObject', by: [['resource', 'arn:aws:s3:::b#policy', 2, 'Deny']] },
    ];
    const [grant] = publicGrantsOf({
      resource: 'b',
      evidence: {
        grants: [
          {
            audience: 'anyone',
            levels: ['read'],
            actions: ['s3:GetObject'],
            evidence: JSON.stringify(evidence),
          },
        ],
      },
    });
    expect(grant?.levels).toEqual(['read']);
    expect(grant?.conditionalLevels).toEqual([]);
    expect(grant?.how).toEqual({
      statements: ['arn:aws:s3:::b#policy#0 (PublicRead)'],
      acl: ['AllUsers:READ'],
      attributes: [],
    });
    expect(describeRoute(grant!.how)).toBe(
      'policy arn:aws:s3:::b#policy#0 (PublicRead); ACL grant AllUsers:READ',
    );
  });

  it('names the field when an edge is malformed', () => {
    const read = (grants: unknown) => () => publicGrantsOf({ resource: 'b', evidence: { grants } });
    expect(read([{ levels: 'read', evidence: '[]' }])).toThrow(BadInputError);
    expect(read([{ levels: 'read', evidence: '[]' }])).toThrow(/b: grants\[0\]\.levels/);
    expect(read([{ levels: [], evidence: 'nope' }])).toThrow(
      /grants\[0\]\.evidence is not valid JSON/,
    );
    expect(read('x')).toThrow(/"grants" is not a list of maps/);
  });
});

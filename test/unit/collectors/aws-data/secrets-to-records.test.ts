import { describe, expect, it } from 'vitest';
import {
  secretsToRecords,
  type SecretsAnswers,
} from '../../../../src/collectors/aws/secretsmanager/secrets-to-records.js';
import {
  ACCOUNT,
  KEY_ARN,
  at,
  badInputMessage,
  expectValid,
  props,
  rels,
  warnings,
} from './helpers.js';

const SECRET_ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-password-AbCdEf`;
const ROTATOR = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:rotate-db`;
const resourcePolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
    },
  ],
};

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ARN: SECRET_ARN,
    Name: 'db-password',
    Description: 'the password is hunter2',
    KmsKeyId: KEY_ARN,
    RotationEnabled: true,
    RotationLambdaARN: `${ROTATOR}:live`,
    RotationRules: { AutomaticallyAfterDays: 30 },
    LastRotatedDate: '2024-05-01T00:00:00.000Z',
    LastChangedDate: '2024-05-02T00:00:00.000Z',
    LastAccessedDate: '2024-05-03T00:00:00.000Z',
    NextRotationDate: '2024-06-01T00:00:00.000Z',
    CreatedDate: '2024-01-01T00:00:00.000Z',
    Tags: [{ Key: 'team', Value: 'payments' }],
    SecretVersionsToStages: { v1: ['AWSCURRENT'] },
    // Not something ListSecrets returns; here to prove a value never reaches the records.
    SecretString: 'hunter2',
    ...overrides,
  };
}

function answers(partial: Partial<SecretsAnswers> = {}): SecretsAnswers {
  return { secrets: [entry()], policies: new Map(), ...partial };
}

describe('secretsToRecords', () => {
  it('records a secret with its policy, key, rotation and dates, and never a value', () => {
    const records = secretsToRecords(
      answers({
        policies: new Map([
          [SECRET_ARN, { ARN: SECRET_ARN, ResourcePolicy: JSON.stringify(resourcePolicy) }],
        ]),
      }),
      at,
      'test',
    );
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/secretsmanager` });
    expect(props(records, SECRET_ARN)).toEqual({
      account: ACCOUNT,
      region: 'us-east-1',
      name: 'db-password',
      policy: resourcePolicy,
      kmsKeyId: KEY_ARN,
      rotationEnabled: true,
      rotationLambdaArn: `${ROTATOR}:live`,
      rotationRules: { AutomaticallyAfterDays: 30 },
      lastRotatedDate: '2024-05-01T00:00:00.000Z',
      lastChangedDate: '2024-05-02T00:00:00.000Z',
      lastAccessedDate: '2024-05-03T00:00:00.000Z',
      nextRotationDate: '2024-06-01T00:00:00.000Z',
      createdDate: '2024-01-01T00:00:00.000Z',
      tags: { team: 'payments' },
    });
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${SECRET_ARN} -> ${KEY_ARN}`]);
    // The alias qualifier is dropped: the function node is the function's own ARN.
    expect(rels(records, 'ROTATED_BY')).toEqual([`${SECRET_ARN} -> ${ROTATOR}`]);
    expect(JSON.stringify(records)).not.toContain('hunter2');
    expectValid(records);
  });

  it('links no key named by alias, and leaves the policy unset when the secret has none', () => {
    const records = secretsToRecords(
      answers({
        secrets: [
          entry({ KmsKeyId: 'alias/app', RotationEnabled: false, RotationLambdaARN: undefined }),
        ],
        policies: new Map([[SECRET_ARN, { ARN: SECRET_ARN, Name: 'db-password' }]]),
      }),
      at,
      'test',
    );
    expect(props(records, SECRET_ARN)['kmsKeyId']).toBe('alias/app');
    expect(props(records, SECRET_ARN)).not.toHaveProperty('policy');
    expect(records.relationships).toEqual([]);
    expectValid(records);
  });

  it('keeps a resource policy that is not JSON as text, with a warning naming the secret', () => {
    const { warn, seen } = warnings();
    const records = secretsToRecords(
      answers({ policies: new Map([[SECRET_ARN, { ResourcePolicy: '<Policy/>' }]]) }),
      at,
      'test',
      warn,
    );
    expect(props(records, SECRET_ARN)['policy']).toBe('<Policy/>');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(`secret ${SECRET_ARN}: GetResourcePolicy`);
  });

  it('rejects a broken answer with one line naming the secret and the field', () => {
    const convert = (partial: Partial<SecretsAnswers>) => () =>
      secretsToRecords(answers(partial), at, 'SM');
    // The ARN check's wording is shared with other collectors; what matters is where and which.
    expect(
      badInputMessage(convert({ secrets: [entry({ ARN: `arn:aws:s3:::${ACCOUNT}` })] })),
    ).toMatch(/^SM: SecretList\[0\]: field "ARN": expected a .*secretsmanager.* ARN/);
    expect(badInputMessage(convert({ secrets: [entry({ LastAccessedDate: 'soon' })] }))).toBe(
      'SM: SecretList[0]: field "LastAccessedDate": expected a date and time',
    );
    expect(badInputMessage(convert({ secrets: [entry({ Tags: 'team' })] }))).toMatch(
      /^SM: SecretList\[0\]: field "Tags": /,
    );
    expect(
      badInputMessage(convert({ policies: new Map([[SECRET_ARN, { ResourcePolicy: {} }]]) })),
    ).toMatch(new RegExp(`^SM: secret ${SECRET_ARN}: GetResourcePolicy: field "ResourcePolicy": `));
  });
});

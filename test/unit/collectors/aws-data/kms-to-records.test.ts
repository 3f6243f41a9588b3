import { describe, expect, it } from 'vitest';
import {
  kmsToRecords,
  type KeyAnswers,
} from '../../../../src/collectors/aws/kms/kms-to-records.js';
import { ACCOUNT, KEY_ARN, at, badInputMessage, expectValid, props, warnings } from './helpers.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const AWS_KEY_ID = '0000aaaa-12ab-34cd-56ef-1234567890ab';
const AWS_KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${AWS_KEY_ID}`;
const keyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};

function meta(overrides: Record<string, unknown> = {}): unknown {
  return {
    KeyMetadata: {
      KeyId: KEY_ID,
      Arn: KEY_ARN,
      KeyManager: 'CUSTOMER',
      KeyState: 'Enabled',
      Enabled: true,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      MultiRegion: false,
      Description: 'orders data',
      CreationDate: '2024-03-04T05:06:07.000Z',
      ...overrides,
    },
  };
}

const customer: KeyAnswers = {
  listed: { KeyId: KEY_ID, KeyArn: KEY_ARN },
  described: meta(),
  policy: { Policy: JSON.stringify(keyPolicy), PolicyName: 'default' },
  rotation: { KeyRotationEnabled: true },
  tags: [{ TagKey: 'team', TagValue: 'payments' }],
};

describe('kmsToRecords', () => {
  it('records a customer key with its policy, state, rotation, aliases and tags', () => {
    const records = kmsToRecords(
      {
        keys: [customer],
        aliases: [
          { AliasName: 'alias/orders', TargetKeyId: KEY_ID },
          { AliasName: 'alias/app', TargetKeyId: KEY_ID },
          { AliasName: 'alias/aws/ebs' },
        ],
      },
      at,
      'test',
    );
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/kms` });
    expect(props(records, KEY_ARN)).toEqual({
      account: ACCOUNT,
      region: 'us-east-1',
      keyId: KEY_ID,
      policy: keyPolicy,
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      enabled: true,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      multiRegion: false,
      description: 'orders data',
      creationDate: '2024-03-04T05:06:07.000Z',
      rotationEnabled: true,
      aliases: ['alias/app', 'alias/orders'],
      tags: { team: 'payments' },
    });
    expectValid(records);
  });

  it('records an AWS managed key without rotation or tags, and a key whose details were denied', () => {
    const records = kmsToRecords(
      {
        keys: [
          {
            listed: { KeyId: AWS_KEY_ID, KeyArn: AWS_KEY_ARN },
            described: meta({ KeyId: AWS_KEY_ID, KeyManager: 'AWS', Description: '' }),
          },
          { listed: { KeyId: KEY_ID, KeyArn: KEY_ARN } },
        ],
        aliases: [{ AliasName: 'alias/aws/s3', TargetKeyId: AWS_KEY_ID }],
      },
      at,
      'test',
    );
    expect(props(records, AWS_KEY_ARN)).toMatchObject({
      keyManager: 'AWS',
      aliases: ['alias/aws/s3'],
    });
    expect(props(records, AWS_KEY_ARN)).not.toHaveProperty('rotationEnabled');
    expect(props(records, AWS_KEY_ARN)).not.toHaveProperty('description');
    // Aliases were listed and none points at it: an empty list, not "unknown".
    expect(props(records, KEY_ARN)).toEqual({
      account: ACCOUNT,
      region: 'us-east-1',
      keyId: KEY_ID,
      aliases: [],
    });
    expectValid(records);
  });

  it('leaves aliases unset when they could not be listed', () => {
    const records = kmsToRecords({ keys: [customer] }, at, 'test');
    expect(props(records, KEY_ARN)).not.toHaveProperty('aliases');
  });

  it('takes the region and account from the key ARN', () => {
    const arn = 'arn:aws:kms:eu-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    const records = kmsToRecords(
      { keys: [{ listed: { KeyId: 'mrk-1234abcd12ab34cd56ef1234567890ab', KeyArn: arn } }] },
      at,
      'test',
    );
    expect(props(records, arn)).toMatchObject({ account: '210987654321', region: 'eu-west-1' });
  });

  it('keeps a key policy that is not JSON as text, with a warning naming the key', () => {
    const { warn, seen } = warnings();
    const records = kmsToRecords(
      { keys: [{ ...customer, policy: { Policy: 'not a policy' } }] },
      at,
      'test',
      warn,
    );
    expect(props(records, KEY_ARN)['policy']).toBe('not a policy');
    expect(seen).toEqual([
      `test: key ${KEY_ARN}: GetKeyPolicy: policy is neither a JSON object nor URL-encoded JSON; kept as text`,
    ]);
    expectValid(records);
  });

  it('rejects a broken answer with one line naming the key, the call and the field', () => {
    const convert = (keys: KeyAnswers[], aliases?: unknown[]) => () =>
      kmsToRecords({ keys, ...(aliases ? { aliases } : {}) }, at, 'KMS');
    expect(
      badInputMessage(convert([{ listed: { KeyId: KEY_ID, KeyArn: 'arn:aws:s3:::bucket' } }])),
    ).toBe(
      'KMS: Keys[0]: field "KeyArn": expected a KMS key ARN (arn:<partition>:kms:...:key/...)',
    );
    expect(badInputMessage(convert([{ ...customer, described: {} }]))).toBe(
      `KMS: key ${KEY_ARN}: DescribeKey: field "KeyMetadata": Invalid input: expected object, received undefined`,
    );
    expect(
      badInputMessage(convert([{ ...customer, described: meta({ CreationDate: 'yesterday' }) }])),
    ).toBe(
      `KMS: key ${KEY_ARN}: DescribeKey: field "KeyMetadata.CreationDate": expected a date and time`,
    );
    expect(
      badInputMessage(convert([{ ...customer, tags: [{ TagKey: 'a', TagValue: 7 }] }])),
    ).toMatch(
      new RegExp(`^KMS: key ${KEY_ARN}: ListResourceTags: Tags\\[0\\]: field "TagValue": `),
    );
    expect(badInputMessage(convert([customer], [{ AliasName: '', TargetKeyId: KEY_ID }]))).toMatch(
      /^KMS: Aliases\[0\]: field "AliasName": /,
    );
  });
});

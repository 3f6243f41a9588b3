import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessRequests,
  childPattern,
} from '../../../../src/analyze/aws/access/access-requests.js';
import { accessTargetOf } from '../../../../src/analyze/aws/access/access-target.js';
import { loadAccessActions } from '../../../../src/analyze/aws/access/action-levels.js';
import { PolicyCache } from '../../../../src/analyze/aws/policy-cache.js';
import {
  loadAwsActionCatalog,
  type ActionCatalog,
} from '../../../../src/analyze/aws/policy/index.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { storeIdOf } from '../../../../src/serve/who-can/who-can-store.js';

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
});

const bucket = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'arn:aws:s3:::data',
  kind: 's3-bucket',
  account: '111111111111',
  region: 'us-east-1',
  policy: null,
  publicAccessBlock: null,
  accountPublicAccessBlock: null,
  aclGrants: null,
  objectOwnership: null,
  resourceId: null,
  ...overrides,
});

describe('data store rows', () => {
  it('refuses a malformed row with one line naming the store and the field', () => {
    const cache = new PolicyCache(catalog);
    expect(() => accessTargetOf(bucket({ account: '12' }), cache)).toThrow(BadInputError);
    expect(() => accessTargetOf(bucket({ account: '12' }), cache)).toThrow(
      /^data store arn:aws:s3:::data: account not an account id$/,
    );
    expect(() => accessTargetOf(bucket({ aclGrants: '{not json' }), cache)).toThrow(
      'bucket arn:aws:s3:::data: aclGrants is not JSON',
    );
    expect(() =>
      accessTargetOf(
        bucket({ aclGrants: JSON.stringify([{ Grantee: {}, Permission: 7 }]) }),
        cache,
      ),
    ).toThrow(/bucket arn:aws:s3:::data: aclGrants\.0\.Permission/);
    expect(() => accessTargetOf(bucket({ publicAccessBlock: '[1]' }), cache)).toThrow(
      /publicAccessBlock/,
    );
  });

  it('takes a policy that does not compile as unknown, never as absent', () => {
    const cache = new PolicyCache(catalog);
    const target = accessTargetOf(
      bucket({ policy: JSON.stringify({ Statement: [{ Effect: 'Maybe' }] }) }),
      cache,
    );
    expect(target).toMatchObject({ policyUnusable: true });
    expect(target?.policy).toBeUndefined();
    expect(cache.unusable).toEqual(['arn:aws:s3:::data#policy']);
  });

  it('reads a policy stored as a JSON string and flags block public access', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    });
    const target = accessTargetOf(
      bucket({
        policy: JSON.stringify(policy),
        accountPublicAccessBlock: JSON.stringify({ RestrictPublicBuckets: true }),
      }),
      new PolicyCache(catalog),
    );
    expect(target?.facts?.isPublic).toBe(true);
    expect(target?.restrictsOutsiders).toBe(true);
    expect(target?.bucket?.restrictPublicBuckets).toBe('account');
  });

  it('names a database by its resource id, and skips one without it', () => {
    const cache = new PolicyCache(catalog);
    const db = {
      ...bucket({ id: 'arn:aws:rds:eu-west-1:111111111111:db:orders', kind: 'rds-db' }),
      region: 'eu-west-1',
    };
    expect(accessTargetOf({ ...db, resourceId: 'db-ABC' }, cache)?.arn).toBe(
      'arn:aws:rds-db:eu-west-1:111111111111:dbuser:db-ABC',
    );
    expect(accessTargetOf(db, cache)).toBeUndefined();
  });
});

describe('requests under a store', () => {
  it('tries the prefixes and users that Allow patterns single out', async () => {
    const actions = await loadAccessActions(catalog);
    const kind = actions.get('s3-bucket');
    const target = accessTargetOf(bucket(), new PolicyCache(catalog));
    if (!kind || !target) throw new Error('setup');
    const patterns = [
      'arn:aws:s3:::data/reports/*',
      'arn:aws:s3:::other/x/*',
      'arn:aws:s3:::*/logs/*',
      'arn:aws:s3:::data/home/${aws:username}/*',
      'arn:aws:s3:::data/${aws:PrincipalTag/team}/*',
    ].flatMap((p) => childPattern(p) ?? []);
    expect(accessRequests(target, kind, patterns, 'alice').map((r) => r.arn)).toEqual([
      'arn:aws:s3:::data',
      'arn:aws:s3:::data/*',
      'arn:aws:s3:::data/reports/*',
      'arn:aws:s3:::data/logs/*',
      'arn:aws:s3:::data/home/alice/*',
    ]);
    expect(childPattern('arn:aws:s3:::data/*')).toBeUndefined();
    expect(childPattern('*')).toBeUndefined();
  });

  it('finds the bucket of an object ARN for whoCan', () => {
    expect(storeIdOf('arn:aws:s3:::data/a/b.txt')).toBe('arn:aws:s3:::data');
    expect(storeIdOf('arn:aws:s3:::data')).toBe('arn:aws:s3:::data');
    const secret = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:a/b-XyZ';
    expect(storeIdOf(secret)).toBe(secret);
  });
});

import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import {
  coversEveryKeyUnder,
  insecureTransportDenial,
} from '../../../../src/rules/aws-storage/secure-transport.js';

const BUCKET = 'arn:aws:s3:::data';

function denyHttp(resource: string | string[], extra: Record<string, unknown> = {}): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'tls',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: resource,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        ...extra,
      },
    ],
  };
}

describe('coversEveryKeyUnder', () => {
  it.each([
    ['*', true],
    ['arn:aws:s3:::data/*', true],
    ['arn:aws:s3:::data*', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:s3:::*/*', true],
    ['arn:aws:s3:::data/logs/*', false],
    ['arn:aws:s3:::data/?', false],
    ['arn:aws:s3:::other/*', false],
    ['arn:aws:s3:::data/', false],
  ])('%s covers every object of data: %s', (glob, expected) => {
    expect(coversEveryKeyUnder(glob, `${BUCKET}/`)).toBe(expected);
  });

  it('compares actions case-insensitively when asked', () => {
    expect(coversEveryKeyUnder('S3:*', 's3:', 'i')).toBe(true);
    expect(coversEveryKeyUnder('s3:Get*', 's3:', 'i')).toBe(false);
  });
});

describe('insecureTransportDenial', () => {
  it('counts one statement over the bucket and its objects for both', () => {
    const found = insecureTransportDenial(denyHttp([BUCKET, `${BUCKET}/*`]), BUCKET, 'p');
    expect(found).toEqual({ bucketDeniedBy: ['tls'], objectsDeniedBy: ['tls'], ignored: [] });
  });

  it('reads the policy from JSON text too', () => {
    const text = JSON.stringify(denyHttp(`${BUCKET}*`));
    expect(insecureTransportDenial(text, BUCKET, 'p').objectsDeniedBy).toEqual(['tls']);
  });

  it.each([
    [{ Principal: { AWS: 'arn:aws:iam::111111111111:root' } }, 'every principal'],
    [{ Action: ['s3:GetObject', 's3:PutObject'] }, 'every S3 action'],
    [
      { Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:x': 'y' } } },
      'another condition',
    ],
    [{ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, 'false'],
    [{ Condition: { StringEquals: { 'aws:SecureTransport': 'false' } } }, 'not Bool'],
  ])('ignores a narrower Deny %j', (extra, reason) => {
    const found = insecureTransportDenial(denyHttp([BUCKET, `${BUCKET}/*`], extra), BUCKET, 'p');
    expect(found.bucketDeniedBy).toEqual([]);
    expect(found.objectsDeniedBy).toEqual([]);
    expect(found.ignored[0]).toContain(reason);
  });

  it('does not count a Deny on s3:TlsVersion alone (plain HTTP carries no TLS version)', () => {
    const policy = denyHttp([BUCKET, `${BUCKET}/*`], {
      Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
    });
    expect(insecureTransportDenial(policy, BUCKET, 'p').bucketDeniedBy).toEqual([]);
  });

  it('rejects a malformed policy with a one-line BadInputError naming where', () => {
    expect(() => insecureTransportDenial({ Statement: 'x' }, BUCKET, 'policy of data')).toThrow(
      BadInputError,
    );
    expect(() => insecureTransportDenial('{', BUCKET, 'policy of data')).toThrow(/policy of data/);
  });
});

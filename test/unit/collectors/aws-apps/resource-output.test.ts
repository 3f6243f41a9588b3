import { describe, expect, it } from 'vitest';
import {
  pageSizeWithin,
  plainOutput,
} from '../../../../src/collectors/aws/resources/resource-output.js';
import { isKmsKeyArn } from '../../../../src/collectors/aws/resources/resource-links.js';

describe('pageSizeWithin', () => {
  it.each([
    [undefined, 100],
    [2, 20],
    [50, 50],
    [1000, 100],
    [Number.NaN, 100],
    [25.7, 25],
  ])('asks for %s as %s within 20..100', (requested, expected) => {
    expect(pageSizeWithin(requested, { min: 20, max: 100 })).toBe(expected);
  });
});

describe('plainOutput', () => {
  it('drops $metadata and turns dates into ISO strings', () => {
    const date = new Date('2024-01-02T03:04:05Z');
    expect(plainOutput({ $metadata: { httpStatusCode: 200 }, At: date, Items: [1] })).toEqual({
      At: '2024-01-02T03:04:05.000Z',
      Items: [1],
    });
  });
});

describe('isKmsKeyArn', () => {
  it.each([
    ['arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab', true],
    ['arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-12ab', true],
    ['arn:aws:kms:us-east-1:123456789012:alias/app', false],
    ['1234abcd-12ab', false],
    ['alias/aws/rds', false],
    [undefined, false],
  ])('%s → %s', (value, expected) => {
    expect(isKmsKeyArn(value)).toBe(expected);
  });
});

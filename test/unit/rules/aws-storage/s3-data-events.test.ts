import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { trailCoversObjects } from '../../../../src/rules/aws-storage/s3-data-events.js';

const BUCKET = 'arn:aws:s3:::data';

function basic(readWriteType: string | undefined, values: string[]): unknown {
  return [
    {
      ...(readWriteType ? { ReadWriteType: readWriteType } : {}),
      DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
    },
  ];
}

function advanced(...fields: Record<string, unknown>[]): unknown {
  return [
    {
      Name: 'sel',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ...fields,
      ],
    },
  ];
}

describe('trailCoversObjects with basic selectors', () => {
  it.each([
    ['arn:aws:s3', true],
    ['arn:aws:s3:::', true],
    ['arn:aws:s3:::data/', true],
    ['arn:aws:s3:::data/logs/', false],
    ['arn:aws:s3:::database/', false],
  ])('value %s covers every object of data: %s', (value, expected) => {
    expect(trailCoversObjects(basic('All', [value]), undefined, BUCKET, 'write', 't').covered).toBe(
      expected,
    );
  });

  it('follows ReadWriteType, which defaults to All', () => {
    expect(trailCoversObjects(basic('ReadOnly', ['arn:aws:s3']), [], BUCKET, 'read', 't')).toEqual({
      covered: true,
    });
    expect(
      trailCoversObjects(basic('ReadOnly', ['arn:aws:s3']), [], BUCKET, 'write', 't').covered,
    ).toBe(false);
    expect(
      trailCoversObjects(basic(undefined, ['arn:aws:s3']), [], BUCKET, 'write', 't').covered,
    ).toBe(true);
  });
});

describe('trailCoversObjects with advanced selectors', () => {
  it('covers with no ARN filter, or a StartsWith that is a prefix of the bucket', () => {
    expect(trailCoversObjects([], advanced(), BUCKET, 'read', 't').covered).toBe(true);
    const startsWith = advanced({ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::da'] });
    expect(trailCoversObjects([], startsWith, BUCKET, 'read', 't').covered).toBe(true);
  });

  it.each([
    [{ Field: 'readOnly', Equals: ['true'] }, 'read events only'],
    [{ Field: 'readOnly', NotEquals: ['false'] }, 'read events only'],
    [{ Field: 'resources.ARN', Equals: ['arn:aws:s3:::data/a'] }, 'Equals'],
    [{ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::data/logs/'] }, 'part'],
    [{ Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::data/secret/'] }, 'excludes'],
    [{ Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::'] }, 'excludes'],
    [{ Field: 'resources.ARN', NotEndsWith: ['.tmp'] }, 'suffix'],
    [{ Field: 'eventName', Equals: ['PutObject'] }, 'eventName'],
  ])('does not cover writes with %j', (field, reason) => {
    const coverage = trailCoversObjects([], advanced(field), BUCKET, 'write', 't');
    expect(coverage.covered).toBe(false);
    if (!coverage.covered) expect(coverage.why).toContain(reason);
  });

  it('ignores exclusions that cannot match the bucket', () => {
    const other = advanced({ Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::other/'] });
    expect(trailCoversObjects([], other, BUCKET, 'write', 't').covered).toBe(true);
  });

  it('needs data events of S3 objects', () => {
    const management = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
    expect(trailCoversObjects([], management, BUCKET, 'read', 't').covered).toBe(false);
  });

  it('rejects selectors of the wrong shape with a BadInputError naming them', () => {
    expect(() => trailCoversObjects({ x: 1 }, [], BUCKET, 'read', 'trail t')).toThrow(
      BadInputError,
    );
    expect(() =>
      trailCoversObjects([], [{ FieldSelectors: 'no' }], BUCKET, 'read', 'trail t'),
    ).toThrow(/trail t: advancedEventSelectors/);
  });
});

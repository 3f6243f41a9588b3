import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionCatalog } from '../../../src/analyze/aws/policy/index.js';
import {
  ActionBitSet,
  ActionCatalog as Catalog,
  loadAwsActionCatalog,
} from '../../../src/analyze/aws/policy/index.js';
import { ActionMatcher } from '../../../src/analyze/aws/policy/action-matcher.js';

describe('ActionBitSet', () => {
  it('adds, tests, complements within its size', () => {
    const bits = new ActionBitSet(40).add(0).add(33);
    expect(bits.has(33)).toBe(true);
    expect(bits.has(34)).toBe(false);
    const inverse = bits.complement();
    expect([...inverse.indexes()]).toHaveLength(38);
    expect(inverse.has(39)).toBe(true);
    expect(ActionBitSet.full(40).complement().isEmpty()).toBe(true);
  });
});

describe('ActionCatalog (small)', () => {
  const catalog = Catalog.fromActionNames([
    's3:GetObject',
    's3:PutObject',
    's3:GetBucketPolicy',
    'iam:CreateUser',
    'S3:getobject',
  ]);

  it('collapses case variants and looks names up case-insensitively', () => {
    expect(catalog.size).toBe(4);
    expect(catalog.indexOf('S3:GETOBJECT')).toBe(catalog.indexOf('s3:GetObject'));
  });

  it('expands patterns within the service', () => {
    const names = (pattern: string) =>
      [...catalog.expand(pattern).indexes()].map((i) => catalog.nameAt(i));
    expect(names('s3:Get*').sort()).toEqual(['s3:GetBucketPolicy', 's3:GetObject'].sort());
    expect(names('*')).toHaveLength(4);
    expect(names('*:Create*')).toEqual(['iam:CreateUser']);
    expect(names('ec2:*')).toEqual([]);
  });

  it('matches uncatalogued actions literally, and complements for NotAction', () => {
    const allow = new ActionMatcher(catalog, ['s3:*'], false);
    expect(allow.matches('s3:NewThing')).toBe(true);
    expect(allow.matches('ec2:RunInstances')).toBe(false);
    const notAction = new ActionMatcher(catalog, ['s3:*'], true);
    expect(notAction.matches('s3:GetObject')).toBe(false);
    expect(notAction.matches('iam:CreateUser')).toBe(true);
    expect(notAction.matches('ec2:RunInstances')).toBe(true);
  });
});

describe('ActionCatalog (iam-data)', () => {
  let catalog: ActionCatalog;
  beforeAll(async () => {
    catalog = await loadAwsActionCatalog();
  });

  it('holds the AWS catalog', () => {
    expect(catalog.size).toBeGreaterThan(15_000);
    expect(catalog.indexOf('sts:AssumeRole')).toBeDefined();
    expect(catalog.hasService('s3')).toBe(true);
  });
});

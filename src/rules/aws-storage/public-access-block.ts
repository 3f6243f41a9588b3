import { z } from 'zod';
import { BadInputError } from '../../errors/cairn-error.js';

export const BLOCK_SETTINGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;
export type BlockSetting = (typeof BLOCK_SETTINGS)[number];

const blockSchema = z.looseObject({
  BlockPublicAcls: z.boolean().optional(),
  IgnorePublicAcls: z.boolean().optional(),
  BlockPublicPolicy: z.boolean().optional(),
  RestrictPublicBuckets: z.boolean().optional(),
});

/** Where each setting that is on comes from, and which are off. */
export interface EffectiveBlock {
  readonly onByBucket: readonly BlockSetting[];
  readonly onByAccount: readonly BlockSetting[];
  readonly off: readonly BlockSetting[];
}

/**
 * S3 applies, setting by setting, the more restrictive of the bucket's and the account's public
 * access block, so a setting is on when either turns it on. An absent configuration (or a setting
 * left out) is off, which is S3's default.
 */
export function effectiveBlock(bucket: unknown, account: unknown, where: string): EffectiveBlock {
  const own = parseBlock(bucket, `${where}: publicAccessBlock`);
  const shared = parseBlock(account, `${where}: accountPublicAccessBlock`);
  return {
    onByBucket: BLOCK_SETTINGS.filter((s) => own[s] === true),
    onByAccount: BLOCK_SETTINGS.filter((s) => shared[s] === true),
    off: BLOCK_SETTINGS.filter((s) => own[s] !== true && shared[s] !== true),
  };
}

function parseBlock(value: unknown, where: string): z.infer<typeof blockSchema> {
  if (value === undefined) return {};
  const parsed = blockSchema.safeParse(value);
  if (!parsed.success) throw new BadInputError(`${where} is not a public access block object`);
  return parsed.data;
}

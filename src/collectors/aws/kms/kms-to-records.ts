import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { locationOfArn } from '../resources/resource-links.js';
import { answerReader, parseOutput } from '../resources/resource-output.js';
import { resourceScope } from '../resources/resource-scope.js';
import { policyProperty, type PolicyWarning } from '../resources/resource-policy.js';
import * as s from './kms-schemas.js';

/** What KMS said about one key, as plain JSON (see `plainOutput`); absent: not asked or unreadable. */
export interface KeyAnswers {
  /** Its entry in the `Keys` of ListKeys. */
  readonly listed: unknown;
  readonly described?: unknown;
  readonly policy?: unknown;
  /** Asked of customer managed keys only. */
  readonly rotation?: unknown;
  /** The `Tags` entries of every ListResourceTags page (customer managed keys only). */
  readonly tags?: readonly unknown[];
}

export interface KmsAnswers {
  readonly keys: readonly KeyAnswers[];
  /** The `Aliases` entries of every ListAliases page; absent when they could not be listed. */
  readonly aliases?: readonly unknown[];
}

/**
 * The KMS keys of one account and region to the records of its `kms` scope: each key with its
 * policy, who manages it, state, spec, usage, origin, rotation, aliases and tags.
 */
export function kmsToRecords(
  answers: KmsAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
  warn: PolicyWarning = () => undefined,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'kms'));
  const aliases = aliasesByKey(answers.aliases, source);
  answers.keys.forEach((key, index) => {
    const listed = parseOutput(s.listedKey, key.listed, `${source}: Keys[${index}]`);
    const where = `${source}: key ${listed.KeyArn}`;
    const read = answerReader(where);
    const meta = read(s.describeKey, key.described, 'DescribeKey')?.KeyMetadata;
    const policy = read(s.getKeyPolicy, key.policy, 'GetKeyPolicy');
    const located = locationOfArn(listed.KeyArn);
    b.node('AWSKmsKey', listed.KeyArn, {
      account: located.account,
      region: located.region,
      keyId: listed.KeyId,
      policy: policy && policyProperty(policy.Policy, `${where}: GetKeyPolicy`, warn),
      keyManager: meta?.KeyManager,
      keyState: meta?.KeyState,
      enabled: meta?.Enabled,
      keySpec: meta?.KeySpec,
      keyUsage: meta?.KeyUsage,
      origin: meta?.Origin,
      multiRegion: meta?.MultiRegion,
      description: meta?.Description || undefined,
      creationDate: meta?.CreationDate,
      deletionDate: meta?.DeletionDate,
      rotationEnabled: read(s.getKeyRotationStatus, key.rotation, 'GetKeyRotationStatus')
        ?.KeyRotationEnabled,
      aliases: aliases && (aliases.get(listed.KeyId) ?? []),
      tags: key.tags && tagsOf(key.tags, where),
    });
  });
  return b.build();
}

/** Alias names per target key id, sorted; undefined when the aliases were not listed. */
function aliasesByKey(
  answers: readonly unknown[] | undefined,
  source: string,
): Map<string, string[]> | undefined {
  if (!answers) return undefined;
  const byKey = new Map<string, string[]>();
  answers.forEach((answer, index) => {
    const { AliasName, TargetKeyId } = parseOutput(s.alias, answer, `${source}: Aliases[${index}]`);
    if (TargetKeyId) byKey.set(TargetKeyId, [...(byKey.get(TargetKeyId) ?? []), AliasName]);
  });
  for (const names of byKey.values()) names.sort();
  return byKey;
}

function tagsOf(answers: readonly unknown[], where: string): Record<string, string> | undefined {
  const tags = answers.map((answer, index) =>
    parseOutput(s.keyTag, answer, `${where}: ListResourceTags: Tags[${index}]`),
  );
  return tags.length > 0 ? Object.fromEntries(tags.map((t) => [t.TagKey, t.TagValue])) : undefined;
}

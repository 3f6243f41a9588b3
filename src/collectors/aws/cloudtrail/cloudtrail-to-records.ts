import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { parseOutput } from '../resources/resource-output.js';
import { addKmsKey, locationOfArn } from '../resources/resource-links.js';
import { tagsFromList } from '../resources/resource-values.js';
import { resourceScope } from '../resources/resource-scope.js';
import * as s from './cloudtrail-schemas.js';
import { managementEvents } from './management-events.js';

/** What the CloudTrail API said about one account and region, as plain JSON. */
export interface CloudTrailAnswers {
  /** DescribeTrails (without shadow trails). */
  readonly describeTrails: unknown;
  /** GetTrailStatus per trail ARN; absent when it could not be read. */
  readonly statuses: ReadonlyMap<string, unknown>;
  /** GetEventSelectors per trail ARN; absent when it could not be read. */
  readonly selectors: ReadonlyMap<string, unknown>;
  /** ListTags pages. */
  readonly tags: readonly unknown[];
}

interface Where {
  readonly account: string;
  readonly region: string;
}

/**
 * The trails this account and region own: a multi-region trail shows up in every region (and an
 * organization trail in every member account), but belongs to its home region of its account.
 */
export function homeTrails(describeTrails: unknown, at: Where, source: string): s.Trail[] {
  const where = `${source}: DescribeTrails`;
  const { trailList } = parseOutput(s.describeTrails, describeTrails, where);
  return (trailList ?? [])
    .map((raw, index) => parseOutput(s.trail, raw, `${where}: trailList[${index}]`))
    .filter((trail) => {
      const located = locationOfArn(trail.TrailARN);
      return (trail.HomeRegion ?? located.region) === at.region && located.account === at.account;
    });
}

/**
 * CloudTrail trails of one account and region (home-region trails only) to the records of its
 * `cloudtrail` scope: configuration, whether it is logging, which management events it logs.
 */
export function cloudTrailToRecords(
  answers: CloudTrailAnswers,
  at: Where,
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'cloudtrail'));
  const tags = tagsByTrail(answers.tags, source);
  for (const trail of homeTrails(answers.describeTrails, at, source)) {
    const arn = trail.TrailARN;
    const where = `${source}: trail ${arn}`;
    const statusAnswer = answers.statuses.get(arn);
    const status =
      statusAnswer === undefined
        ? undefined
        : parseOutput(s.trailStatus, statusAnswer, `${where}: GetTrailStatus`);
    const selectorsAnswer = answers.selectors.get(arn);
    const selectors =
      selectorsAnswer === undefined
        ? undefined
        : parseOutput(s.eventSelectors, selectorsAnswer, `${where}: GetEventSelectors`);
    const management = selectors ? managementEvents(selectors) : undefined;
    const id = b.node('AWSCloudTrail', arn, {
      account: at.account,
      region: at.region,
      name: trail.Name,
      homeRegion: trail.HomeRegion,
      multiRegion: trail.IsMultiRegionTrail,
      organizationTrail: trail.IsOrganizationTrail,
      includeGlobalServiceEvents: trail.IncludeGlobalServiceEvents,
      logFileValidation: trail.LogFileValidationEnabled,
      s3BucketName: trail.S3BucketName,
      s3KeyPrefix: trail.S3KeyPrefix,
      kmsKeyId: trail.KmsKeyId,
      cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn,
      isLogging: status?.IsLogging,
      latestDeliveryTime: status?.LatestDeliveryTime,
      latestDeliveryError: status?.LatestDeliveryError || undefined,
      managementEvents: management?.logged,
      managementEventsReadWriteType: management?.readWriteType,
      eventSelectors: selectors?.EventSelectors,
      advancedEventSelectors: selectors?.AdvancedEventSelectors,
      tags: tags.get(arn),
    });
    addKmsKey(b, id, trail.KmsKeyId);
  }
  return b.build();
}

function tagsByTrail(
  pages: readonly unknown[],
  source: string,
): Map<string, Record<string, string>> {
  const tags = new Map<string, Record<string, string>>();
  pages.forEach((page, index) => {
    const { ResourceTagList } = parseOutput(
      s.listTags,
      page,
      `${source}: ListTags page ${index + 1}`,
    );
    for (const entry of ResourceTagList ?? []) {
      const found = tagsFromList(entry.TagsList);
      if (found) tags.set(entry.ResourceId, found);
    }
  });
  return tags;
}

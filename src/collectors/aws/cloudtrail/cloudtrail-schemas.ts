import { z } from 'zod';
import { dateTime, name, regionalArn, tagList, text } from '../resources/resource-values.js';

/* The parts of DescribeTrails, GetTrailStatus, GetEventSelectors and ListTags Cairn reads. */

export const trail = z.looseObject({
  Name: name,
  TrailARN: regionalArn('cloudtrail'),
  HomeRegion: z.string().max(64).optional(),
  IsMultiRegionTrail: z.boolean().optional(),
  IsOrganizationTrail: z.boolean().optional(),
  IncludeGlobalServiceEvents: z.boolean().optional(),
  LogFileValidationEnabled: z.boolean().optional(),
  S3BucketName: text.optional(),
  S3KeyPrefix: text.optional(),
  KmsKeyId: text.optional(),
  CloudWatchLogsLogGroupArn: text.optional(),
});
export type Trail = z.infer<typeof trail>;

export const describeTrails = z.looseObject({
  trailList: z.array(z.unknown()).max(10_000).optional(),
});

export const trailStatus = z.looseObject({
  IsLogging: z.boolean().optional(),
  LatestDeliveryTime: dateTime.optional(),
  LatestDeliveryError: text.optional(),
});

const basicSelector = z.looseObject({
  ReadWriteType: z.string().max(64).optional(),
  IncludeManagementEvents: z.boolean().optional(),
});
const fieldSelector = z.looseObject({
  Field: z.string().max(1024),
  Equals: z.array(z.string().max(2048)).max(1000).optional(),
});
const advancedSelector = z.looseObject({
  Name: text.optional(),
  FieldSelectors: z.array(fieldSelector).max(1000),
});

export const eventSelectors = z.looseObject({
  EventSelectors: z.array(basicSelector).max(1000).optional(),
  AdvancedEventSelectors: z.array(advancedSelector).max(1000).optional(),
});
export type EventSelectors = z.infer<typeof eventSelectors>;

export const listTags = z.looseObject({
  ResourceTagList: z
    .array(z.looseObject({ ResourceId: text, TagsList: tagList.optional() }))
    .max(10_000)
    .optional(),
});

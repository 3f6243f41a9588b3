import { describe, expect, it } from 'vitest';
import {
  cloudTrailToRecords,
  homeTrails,
  type CloudTrailAnswers,
} from '../../../../src/collectors/aws/cloudtrail/cloudtrail-to-records.js';
import { managementEvents } from '../../../../src/collectors/aws/cloudtrail/management-events.js';
import { ACCOUNT, at, badInputMessage, expectValid, nodeById, rels } from './helpers.js';

const trailArn = (region: string, name: string, account = ACCOUNT): string =>
  `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
const main = trailArn('us-east-1', 'main');
const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`;

const trails = {
  trailList: [
    {
      Name: 'main',
      TrailARN: main,
      HomeRegion: 'us-east-1',
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      IncludeGlobalServiceEvents: true,
      LogFileValidationEnabled: true,
      S3BucketName: 'audit-logs',
      KmsKeyId: key,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`,
    },
    // A multi-region trail of another home region, and an organization trail of the management account.
    {
      Name: 'west',
      TrailARN: trailArn('us-west-2', 'west'),
      HomeRegion: 'us-west-2',
      IsMultiRegionTrail: true,
    },
    {
      Name: 'org',
      TrailARN: trailArn('us-east-1', 'org', '111111111111'),
      HomeRegion: 'us-east-1',
      IsOrganizationTrail: true,
    },
  ],
};

function answers(partial: Partial<CloudTrailAnswers> = {}): CloudTrailAnswers {
  return {
    describeTrails: trails,
    statuses: new Map([
      [
        main,
        {
          IsLogging: true,
          LatestDeliveryTime: '2024-06-01T00:00:00.000Z',
          LatestDeliveryError: '',
        },
      ],
    ]),
    selectors: new Map([
      [
        main,
        {
          TrailARN: main,
          EventSelectors: [
            { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] },
          ],
        },
      ],
    ]),
    tags: [{ ResourceTagList: [{ ResourceId: main, TagsList: [{ Key: 'owner', Value: 'sec' }] }] }],
    ...partial,
  };
}

describe('homeTrails', () => {
  it('keeps only the trails whose home is this account and region', () => {
    expect(homeTrails(trails, at, 'test').map((t) => t.Name)).toEqual(['main']);
    expect(
      homeTrails(trails, { account: ACCOUNT, region: 'us-west-2' }, 'test').map((t) => t.Name),
    ).toEqual(['west']);
  });
});

describe('cloudTrailToRecords', () => {
  it('records a home trail with its status, management events, key and tags', () => {
    const records = cloudTrailToRecords(answers(), at, 'test');
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/cloudtrail` });
    expect(records.nodes.filter((n) => n.model === 'AWSCloudTrail').map((n) => n.id)).toEqual([
      main,
    ]);
    const trail = nodeById(records, main);
    expect(trail?.properties).toMatchObject({
      account: ACCOUNT,
      region: 'us-east-1',
      name: 'main',
      homeRegion: 'us-east-1',
      multiRegion: true,
      organizationTrail: false,
      includeGlobalServiceEvents: true,
      logFileValidation: true,
      s3BucketName: 'audit-logs',
      kmsKeyId: key,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`,
      isLogging: true,
      latestDeliveryTime: '2024-06-01T00:00:00.000Z',
      managementEvents: true,
      managementEventsReadWriteType: 'WriteOnly',
      eventSelectors: [
        { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] },
      ],
      tags: { owner: 'sec' },
    });
    expect(trail?.properties).not.toHaveProperty('latestDeliveryError');
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${main} -> ${key}`]);
    expectValid(records);
  });

  it('leaves status and selectors unknown when they could not be read', () => {
    const records = cloudTrailToRecords(
      answers({ statuses: new Map(), selectors: new Map(), tags: [] }),
      at,
      'test',
    );
    const properties = nodeById(records, main)?.properties ?? {};
    expect(properties).not.toHaveProperty('isLogging');
    expect(properties).not.toHaveProperty('managementEvents');
    expectValid(records);
  });

  it.each([
    [
      'DescribeTrails that is not an object',
      { describeTrails: [] },
      'test: DescribeTrails: expected an object',
    ],
    [
      'a trail without an ARN',
      { describeTrails: { trailList: [{ Name: 'x' }] } },
      'test: DescribeTrails: trailList[0]: field "TrailARN"',
    ],
    [
      'a delivery time that is not one',
      { statuses: new Map([[main, { LatestDeliveryTime: 'soon' }]]) },
      `test: trail ${main}: GetTrailStatus: field "LatestDeliveryTime": expected a date and time`,
    ],
    [
      'selectors that are not a list',
      { selectors: new Map([[main, { EventSelectors: {} }]]) },
      'GetEventSelectors: field "EventSelectors"',
    ],
    [
      'tags that are not a list',
      { tags: [{ ResourceTagList: [{ ResourceId: main, TagsList: 'x' }] }] },
      'test: ListTags page 1: field "ResourceTagList.0.TagsList"',
    ],
  ])('rejects %s with a BadInputError naming where', (_what, partial, expected) => {
    expect(badInputMessage(() => cloudTrailToRecords(answers(partial), at, 'test'))).toContain(
      expected,
    );
  });
});

describe('managementEvents', () => {
  const advanced = (...fields: [string, string[]][]) => ({
    FieldSelectors: fields.map(([Field, Equals]) => ({ Field, Equals })),
  });

  it.each([
    ['no selectors', {}, { logged: false }],
    [
      'a basic selector (default: all)',
      { EventSelectors: [{}] },
      { logged: true, readWriteType: 'All' },
    ],
    [
      'a basic selector without management events',
      { EventSelectors: [{ IncludeManagementEvents: false, ReadWriteType: 'All' }] },
      { logged: false },
    ],
    [
      'reads in one selector and writes in another',
      { EventSelectors: [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }] },
      { logged: true, readWriteType: 'All' },
    ],
    [
      'an advanced selector for management writes',
      {
        AdvancedEventSelectors: [
          advanced(['eventCategory', ['Management']], ['readOnly', ['false']]),
        ],
      },
      { logged: true, readWriteType: 'WriteOnly' },
    ],
    [
      'an advanced selector for management reads',
      {
        AdvancedEventSelectors: [
          advanced(['eventCategory', ['Management']], ['readOnly', ['true']]),
        ],
      },
      { logged: true, readWriteType: 'ReadOnly' },
    ],
    [
      'an advanced selector for data events only',
      {
        AdvancedEventSelectors: [
          advanced(['eventCategory', ['Data']], ['resources.type', ['AWS::S3::Object']]),
        ],
      },
      { logged: false },
    ],
  ])('reads %s', (_what, selectors, expected) => {
    expect(managementEvents(selectors)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudFormationToRecords } from '../../../../src/collectors/aws/cloudformation/cloudformation-to-records.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { ACCOUNT, REGION, relsFrom, valid } from './fake-aws.js';

const stackArn = (name: string, uuid: string): string =>
  `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/${uuid}`;
const ROOT = stackArn('platform', '11111111-aaaa-bbbb-cccc-000000000001');
const NESTED = stackArn('platform-NetworkStack-1ABC', '11111111-aaaa-bbbb-cccc-000000000002');
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/cfn-deployer`;

// DescribeStacks entries as `aws cloudformation describe-stacks` prints them.
const root = {
  StackId: ROOT,
  StackName: 'platform',
  CreationTime: '2026-03-01T12:00:00.000Z',
  LastUpdatedTime: '2026-10-02T09:30:00.000Z',
  StackStatus: 'UPDATE_COMPLETE',
  RoleARN: DEPLOYER,
  Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
  EnableTerminationProtection: true,
  DriftInformation: { StackDriftStatus: 'DRIFTED' },
  Parameters: [{ ParameterKey: 'DbPassword', ParameterValue: 'not-for-the-graph' }],
  Outputs: [{ OutputKey: 'ApiKey', OutputValue: 'also-not-for-the-graph' }],
  Tags: [{ Key: 'team', Value: 'platform' }],
};
const nested = {
  StackId: NESTED,
  StackName: 'platform-NetworkStack-1ABC',
  CreationTime: '2026-03-01T12:01:00.000Z',
  StackStatus: 'CREATE_COMPLETE',
  ParentId: ROOT,
  RootId: ROOT,
  DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
};
const deleted = {
  StackId: stackArn('old', '11111111-aaaa-bbbb-cccc-000000000003'),
  StackName: 'old',
  StackStatus: 'DELETE_COMPLETE',
  RoleARN: DEPLOYER,
};
const at = { account: ACCOUNT, region: REGION };

describe('CloudFormation stacks to records', () => {
  it('keeps status, service role, capabilities, protection, drift and nesting', () => {
    const records = valid(cloudFormationToRecords({ stacks: [root, nested, deleted] }, at, 'test'));
    expect(records.scope.id).toBe(`${ACCOUNT}/${REGION}/cloudformation`);
    expect(records.nodes.find((n) => n.id === ROOT)?.properties).toEqual({
      account: ACCOUNT,
      region: REGION,
      name: 'platform',
      roleArn: DEPLOYER,
      status: 'UPDATE_COMPLETE',
      capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      terminationProtection: true,
      driftStatus: 'DRIFTED',
      creationTime: '2026-03-01T12:00:00.000Z',
      lastUpdatedTime: '2026-10-02T09:30:00.000Z',
      tags: { team: 'platform' },
    });
    expect(relsFrom(records, ROOT, 'RUNS_AS')).toEqual([DEPLOYER]);
    expect(records.nodes.find((n) => n.id === DEPLOYER)).toMatchObject({
      model: 'AWSRole',
      stub: true,
    });
    expect(records.nodes.find((n) => n.id === NESTED)?.properties).toMatchObject({
      parentStackId: ROOT,
      rootStackId: ROOT,
    });
    expect(relsFrom(records, NESTED, 'RUNS_AS')).toEqual([]);
    const text = JSON.stringify(records);
    expect(text).not.toContain('not-for-the-graph');
  });

  it('leaves deleted stacks out', () => {
    const records = cloudFormationToRecords({ stacks: [deleted] }, at, 'test');
    expect(records.nodes).toEqual([]);
    expect(records.relationships).toEqual([]);
  });

  it.each([
    [
      { ...root, RoleARN: `arn:aws:iam::${ACCOUNT}:user/deployer` },
      'field "RoleARN": expected an IAM role ARN',
    ],
    [{ ...root, StackId: 'platform' }, 'field "StackId": expected a'],
    [{ ...root, StackId: `arn:aws:s3:${REGION}:${ACCOUNT}:stack/x` }, 'field "StackId"'],
    [{ ...root, StackStatus: undefined }, 'field "StackStatus"'],
    [{ ...root, Capabilities: 'CAPABILITY_IAM' }, 'field "Capabilities"'],
    [{ ...root, LastUpdatedTime: 'soon' }, 'field "LastUpdatedTime": expected a date'],
    [{ ...root, ParentId: 'parent' }, 'field "ParentId"'],
    [[root], 'expected an object'],
  ])('rejects a malformed stack: %#', (entry, problem) => {
    const convert = () => cloudFormationToRecords({ stacks: [nested, entry] }, at, 'cfn');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`cfn: Stacks[1]: ${problem}`);
  });
});

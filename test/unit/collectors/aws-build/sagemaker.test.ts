import { describe, expect, it } from 'vitest';
import { sageMakerToRecords } from '../../../../src/collectors/aws/sagemaker/sagemaker-to-records.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { ACCOUNT, REGION, relsFrom, valid } from './fake-aws.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole`;
const ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/research`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

// ListNotebookInstances and DescribeNotebookInstance answers as `aws sagemaker` prints them.
const summary = {
  NotebookInstanceName: 'research',
  NotebookInstanceArn: ARN,
  NotebookInstanceStatus: 'InService',
  Url: 'research.notebook.us-east-1.sagemaker.aws',
  InstanceType: 'ml.t3.medium',
  CreationTime: '2026-04-04T08:00:00.000Z',
  LastModifiedTime: '2026-04-05T08:00:00.000Z',
};
const detail = {
  ...summary,
  SubnetId: 'subnet-0aaa',
  SecurityGroups: ['sg-0bbb'],
  RoleArn: ROLE,
  KmsKeyId: KEY,
  NetworkInterfaceId: 'eni-0ccc',
  DirectInternetAccess: 'Enabled',
  VolumeSizeInGB: 5,
  RootAccess: 'Disabled',
  PlatformIdentifier: 'notebook-al2-v2',
  InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '1' },
  DefaultCodeRepository: 'https://user:secret@git.example.com/repo.git',
};
const at = { account: ACCOUNT, region: REGION };

describe('SageMaker notebooks to records', () => {
  it('keeps role, access settings, network and key from the description', () => {
    const records = valid(sageMakerToRecords({ notebooks: [{ summary, detail }] }, at, 'test'));
    expect(records.scope.id).toBe(`${ACCOUNT}/${REGION}/sagemaker`);
    expect(records.nodes.find((n) => n.id === ARN)?.properties).toEqual({
      account: ACCOUNT,
      region: REGION,
      name: 'research',
      roleArn: ROLE,
      status: 'InService',
      instanceType: 'ml.t3.medium',
      platformIdentifier: 'notebook-al2-v2',
      directInternetAccess: true,
      rootAccess: false,
      subnetId: 'subnet-0aaa',
      networkInterfaceId: 'eni-0ccc',
      kmsKeyId: KEY,
      imdsMinimumVersion: '1',
      url: 'research.notebook.us-east-1.sagemaker.aws',
      creationTime: '2026-04-04T08:00:00.000Z',
      lastModifiedTime: '2026-04-05T08:00:00.000Z',
    });
    expect(relsFrom(records, ARN, 'RUNS_AS')).toEqual([ROLE]);
    expect(relsFrom(records, ARN, 'ENCRYPTED_WITH')).toEqual([KEY]);
    expect(relsFrom(records, ARN, 'IN_SUBNET')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0aaa`,
    ]);
    expect(relsFrom(records, ARN, 'HAS_SECURITY_GROUP')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0bbb`,
    ]);
    expect(JSON.stringify(records)).not.toContain('secret');
  });

  it('keeps what the list said when the description was refused', () => {
    const records = valid(sageMakerToRecords({ notebooks: [{ summary }] }, at, 'test'));
    expect(records.nodes).toEqual([
      {
        model: 'AWSSageMakerNotebook',
        id: ARN,
        stub: false,
        properties: {
          account: ACCOUNT,
          region: REGION,
          name: 'research',
          status: 'InService',
          instanceType: 'ml.t3.medium',
          url: 'research.notebook.us-east-1.sagemaker.aws',
          creationTime: '2026-04-04T08:00:00.000Z',
          lastModifiedTime: '2026-04-05T08:00:00.000Z',
        },
      },
    ]);
    expect(records.relationships).toEqual([]);
  });

  it('keeps a key given by id, without a relationship (only ARNs name a key for sure)', () => {
    const byId = { ...detail, KmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' };
    const records = valid(sageMakerToRecords({ notebooks: [{ summary, detail: byId }] }, at, 't'));
    expect(records.nodes.find((n) => n.id === ARN)?.properties['kmsKeyId']).toBe(byId.KmsKeyId);
    expect(relsFrom(records, ARN, 'ENCRYPTED_WITH')).toEqual([]);
  });

  it('rejects a description of another notebook', () => {
    const other = { ...detail, NotebookInstanceArn: `${ARN}-2` };
    const convert = () =>
      sageMakerToRecords({ notebooks: [{ summary, detail: other }] }, at, 'sagemaker');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow('sagemaker: NotebookInstances[0]: DescribeNotebookInstance answered');
  });

  it.each([
    [{ ...detail, DirectInternetAccess: 'Sometimes' }, 'field "DirectInternetAccess"'],
    [{ ...detail, RootAccess: true }, 'field "RootAccess"'],
    [{ ...detail, RoleArn: 'arn:aws:iam::12:role/x' }, 'field "RoleArn": expected an IAM role ARN'],
    [{ ...detail, SecurityGroups: 'sg-0bbb' }, 'field "SecurityGroups"'],
    [{ ...detail, SubnetId: 'subnet-0a b' }, 'field "SubnetId"'],
  ])('rejects a malformed description: %#', (bad, problem) => {
    const convert = () =>
      sageMakerToRecords({ notebooks: [{ summary, detail: bad }] }, at, 'sagemaker');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`sagemaker: notebook research: DescribeNotebookInstance: ${problem}`);
  });

  it.each([
    [{ ...summary, NotebookInstanceArn: 'research' }, 'field "NotebookInstanceArn"'],
    [{ ...summary, NotebookInstanceName: '' }, 'field "NotebookInstanceName"'],
    [{ ...summary, CreationTime: 'now' }, 'field "CreationTime": expected a date'],
    [null, 'expected an object'],
  ])('rejects a malformed list entry: %#', (bad, problem) => {
    const convert = () => sageMakerToRecords({ notebooks: [{ summary: bad }] }, at, 'sagemaker');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`sagemaker: NotebookInstances[0]: ${problem}`);
  });
});

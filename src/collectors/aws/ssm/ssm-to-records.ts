import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { ec2Arn } from '../ec2/ec2-arn.js';
import { parseOutput } from '../resources/resource-output.js';
import { resourceScope } from '../resources/resource-scope.js';
import { partitionOfRegion } from '../resources/partition-of-region.js';
import { instanceInformation } from './ssm-schemas.js';

/** What Systems Manager said about one account and region, as plain JSON (see `plainOutput`). */
export interface SsmAnswers {
  /** The `InstanceInformationList` entries of every DescribeInstanceInformation page. */
  readonly instances: readonly unknown[];
}

/**
 * Managed machines of one account and region to the records of its `ssm` scope. An EC2 instance
 * (`i-...`) gets SSM_MANAGES to its EC2 node, which the `ec2` scope describes; a hybrid machine
 * (`mi-...`) has no EC2 node.
 */
export function ssmToRecords(
  answers: SsmAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'ssm'));
  const where = { ...at, partition: partitionOfRegion(at.region) };
  answers.instances.forEach((raw, index) => {
    const info = parseOutput(
      instanceInformation,
      raw,
      `${source}: InstanceInformationList[${index}]`,
    );
    const instanceId = info.InstanceId;
    const id = b.node(
      'AWSSsmManagedInstance',
      `arn:${where.partition}:ssm:${at.region}:${at.account}:managed-instance/${instanceId}`,
      {
        account: at.account,
        region: at.region,
        instanceId,
        resourceType: info.ResourceType,
        pingStatus: info.PingStatus,
        lastPingDateTime: info.LastPingDateTime,
        platformType: info.PlatformType,
        platformName: info.PlatformName,
        platformVersion: info.PlatformVersion,
        agentVersion: info.AgentVersion,
        isLatestVersion: info.IsLatestVersion,
        iamRole: info.IamRole || undefined,
        activationId: info.ActivationId || undefined,
        registrationDate: info.RegistrationDate,
        computerName: info.ComputerName,
        ipAddress: info.IPAddress,
      },
    );
    if (instanceId.startsWith('i-')) {
      b.rel('SSM_MANAGES', id, b.stub('AWSEC2Instance', ec2Arn(where, 'instance', instanceId)));
    }
  });
  return b.build();
}

import type { GraphRecords } from '../../../records/graph-records.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { partitionOfRegion } from '../resources/partition-of-region.js';
import { collectEc2Outputs } from './collect-ec2-outputs.js';
import { ec2OutputsToRecords } from './ec2-to-records.js';

/**
 * EC2, VPC and ELB of one account and region into its `ec2` scope: the same outputs
 * `cairn import aws-ec2` reads, through the same converter.
 */
export const ec2Collector: ResourceCollector = {
  service: 'ec2',
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { account, region } = env.ctx;
    const outputs = await collectEc2Outputs(env);
    return ec2OutputsToRecords(outputs, `aws ec2 ${account} ${region}`, {
      account,
      region,
      partition: partitionOfRegion(region),
    });
  },
};

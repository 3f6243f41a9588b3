import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { resourceScope } from '../resources/resource-scope.js';
import { addComputeRecords } from './compute-records.js';
import type { Ec2Location } from './ec2-arn.js';
import { ec2LocationOf } from './ec2-location.js';
import type { Ec2Outputs } from './ec2-outputs.js';
import { addLoadBalancerRecords } from './elb-records.js';
import { addNetworkRecords } from './network-records.js';
import { parseEc2Outputs } from './parse-ec2-outputs.js';

/**
 * EC2, VPC and ELB outputs of one account and region to the records of its `ec2` scope. Shared by
 * `cairn import aws-ec2` and the live collector, so both produce exactly the same graph. `known`
 * (from a live scan) takes precedence over what the outputs suggest.
 */
export function ec2OutputsToRecords(
  outputs: Ec2Outputs,
  source: string,
  known?: { account: string; region: string; partition?: string },
): GraphRecords {
  const ec2 = parseEc2Outputs(outputs, source);
  const at: Ec2Location = known ?? ec2LocationOf(ec2, source);
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'ec2'));
  addNetworkRecords(b, at, ec2);
  addComputeRecords(b, at, ec2);
  addLoadBalancerRecords(b, at, ec2);
  return b.build();
}

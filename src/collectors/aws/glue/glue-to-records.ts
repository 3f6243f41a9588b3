import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addPlacement, addRole } from '../resources/resource-links.js';
import { parseOutput } from '../resources/resource-output.js';
import { resourceScope } from '../resources/resource-scope.js';
import { partitionOfRegion } from '../resources/partition-of-region.js';
import { devEndpoint as devEndpointSchema, type DevEndpoint } from './glue-schemas.js';

/** What Glue said about one account and region, as plain JSON (see `plainOutput`). */
export interface GlueAnswers {
  /** The `DevEndpoints` entries of every GetDevEndpoints page. */
  readonly devEndpoints: readonly unknown[];
}

/**
 * Glue development endpoints of one account and region to the records of its `glue` scope: the
 * role it runs as (RUNS_AS; UpdateDevEndpoint can add an SSH key to reach it), its addresses,
 * network placement and how many SSH keys it accepts (the keys themselves are not kept).
 */
export function glueToRecords(
  answers: GlueAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'glue'));
  const located = { ...at, partition: partitionOfRegion(at.region) };
  answers.devEndpoints.forEach((raw, index) => {
    const endpoint = parseOutput(devEndpointSchema, raw, `${source}: DevEndpoints[${index}]`);
    const arn = `arn:${located.partition}:glue:${at.region}:${at.account}:devEndpoint/${endpoint.EndpointName}`;
    const id = b.node('AWSGlueDevEndpoint', arn, {
      account: at.account,
      region: at.region,
      name: endpoint.EndpointName,
      roleArn: endpoint.RoleArn,
      status: endpoint.Status,
      publicAddress: endpoint.PublicAddress || undefined,
      privateAddress: endpoint.PrivateAddress || undefined,
      subnetId: endpoint.SubnetId,
      vpcId: endpoint.VpcId || undefined,
      publicKeyCount: publicKeyCount(endpoint),
      glueVersion: endpoint.GlueVersion,
      workerType: endpoint.WorkerType,
      securityConfiguration: endpoint.SecurityConfiguration,
      createdTimestamp: endpoint.CreatedTimestamp,
      lastModifiedTimestamp: endpoint.LastModifiedTimestamp,
    });
    addRole(b, id, endpoint.RoleArn);
    addPlacement(b, located, id, {
      subnetIds: endpoint.SubnetId ? [endpoint.SubnetId] : undefined,
      securityGroupIds: endpoint.SecurityGroupIds,
    });
  });
  return b.build();
}

/** `PublicKey` is the older single-key field; it may repeat one of `PublicKeys`. */
function publicKeyCount(endpoint: DevEndpoint): number {
  const keys = new Set(endpoint.PublicKeys ?? []);
  if (endpoint.PublicKey) keys.add(endpoint.PublicKey);
  return keys.size;
}

import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { parseOutput } from '../resources/resource-output.js';
import { addKmsKey, addPlacement, addRole, locationOfArn } from '../resources/resource-links.js';
import { tagsFromMap } from '../resources/resource-values.js';
import { resourceScope } from '../resources/resource-scope.js';
import * as s from './eks-schemas.js';

/**
 * DescribeCluster answers (as plain JSON) of one account and region to the records of its `eks`
 * scope: each control plane with its endpoint exposure, OIDC issuer, cluster role (RUNS_AS),
 * placement, secrets encryption key and enabled control plane logs.
 */
export function eksToRecords(
  answers: readonly unknown[],
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'eks'));
  answers.forEach((answer, index) => {
    const where = `${source}: DescribeCluster[${index}]`;
    const c = parseOutput(
      s.cluster,
      parseOutput(s.describeCluster, answer, where).cluster,
      `${where}: cluster`,
    );
    const located = locationOfArn(c.arn);
    const vpc = c.resourcesVpcConfig;
    const keyArn = secretsKey(c);
    const id = b.node('AWSEksCluster', c.arn, {
      account: located.account,
      region: located.region,
      name: c.name,
      version: c.version,
      platformVersion: c.platformVersion,
      status: c.status,
      createdAt: c.createdAt,
      roleArn: c.roleArn,
      endpoint: c.endpoint,
      endpointPublicAccess: vpc?.endpointPublicAccess,
      endpointPrivateAccess: vpc?.endpointPrivateAccess,
      publicAccessCidrs: vpc?.publicAccessCidrs,
      oidcIssuer: c.identity?.oidc?.issuer,
      vpcId: vpc?.vpcId || undefined,
      kmsKeyId: keyArn,
      enabledLogTypes: enabledLogTypes(c),
      authenticationMode: c.accessConfig?.authenticationMode,
      tags: tagsFromMap(c.tags),
    });
    addRole(b, id, c.roleArn);
    addKmsKey(b, id, keyArn);
    addPlacement(b, located, id, {
      vpcId: vpc?.vpcId,
      subnetIds: vpc?.subnetIds,
      // The cluster security group EKS creates applies as much as the ones given at creation.
      securityGroupIds: [...(vpc?.securityGroupIds ?? []), vpc?.clusterSecurityGroupId],
    });
  });
  return b.build();
}

/** The key that envelope-encrypts Kubernetes secrets, if any. */
function secretsKey(c: s.Cluster): string | undefined {
  return c.encryptionConfig?.find((config) => config.resources?.includes('secrets'))?.provider
    ?.keyArn;
}

function enabledLogTypes(c: s.Cluster): string[] | undefined {
  const logging = c.logging?.clusterLogging;
  if (!logging) return undefined;
  const types = logging
    .filter((entry) => entry.enabled === true)
    .flatMap((entry) => entry.types ?? []);
  return [...new Set(types)].sort();
}

import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { pageSizeWithin } from '../resources/resource-output.js';
import type { ResourceScanEnv } from '../resources/resource-collector.js';
import type { Ec2OutputName, Ec2Outputs } from './ec2-outputs.js';
import {
  callOrRefusal,
  cliPage,
  collectEach,
  collectPages,
  fieldOfEach,
  type CallSite,
} from './output-pages.js';

/** Per-load-balancer and per-target-group reads at once. */
const DETAIL_CONCURRENCY = 4;
const LB_GONE = ['LoadBalancerNotFoundException', 'LoadBalancerNotFound'];
const TG_GONE = ['TargetGroupNotFoundException', 'TargetGroupNotFound'];

/**
 * Application, network and gateway load balancers with their listeners, target groups with their
 * targets' health, and classic load balancers. All optional: a refused one is left out.
 */
export async function collectElbOutputs(env: ResourceScanEnv): Promise<Ec2Outputs> {
  const { ctx } = env;
  const v2 = new ElasticLoadBalancingV2Client({ ...env.clientConfig });
  const classic = new ElasticLoadBalancingClient({ ...env.clientConfig });
  env.configureClient?.(v2);
  env.configureClient?.(classic);
  // One IAM prefix for both APIs: the gap names the permission that is missing.
  const where = (operation: string): CallSite => ({
    service: 'elasticloadbalancing',
    operation,
    region: ctx.region,
  });
  const pageSize = pageSizeWithin(env.pageSize, { min: 1, max: 400 });
  const page = (marker: string | undefined): { PageSize: number; Marker?: string } => ({
    PageSize: pageSize,
    ...(marker === undefined ? {} : { Marker: marker }),
  });

  const loadBalancersAndListeners = async (): Promise<Ec2Outputs> => {
    const loadBalancers = await collectPages(ctx, {
      where: where('DescribeLoadBalancers'),
      list: 'LoadBalancers',
      send: (marker) => v2.send(new DescribeLoadBalancersCommand(page(marker))),
      nextToken: (answer) => answer.NextMarker,
    });
    if (!loadBalancers) return {};
    const arns = fieldOfEach(loadBalancers, 'LoadBalancers', 'LoadBalancerArn');
    const listeners = await collectEach(ctx, arns, DETAIL_CONCURRENCY, (arn, itemCtx) =>
      collectPages(itemCtx, {
        where: where('DescribeListeners'),
        list: 'Listeners',
        send: (marker) =>
          v2.send(new DescribeListenersCommand({ LoadBalancerArn: arn, ...page(marker) })),
        nextToken: (answer) => answer.NextMarker,
        absentOn: LB_GONE,
      }),
    );
    return {
      'elbv2-describe-load-balancers': loadBalancers,
      ...(listeners ? { 'elbv2-describe-listeners': listeners } : {}),
    };
  };

  const targetGroupsAndHealth = async (): Promise<Ec2Outputs> => {
    const groups = await collectPages(ctx, {
      where: where('DescribeTargetGroups'),
      list: 'TargetGroups',
      send: (marker) => v2.send(new DescribeTargetGroupsCommand(page(marker))),
      nextToken: (answer) => answer.NextMarker,
    });
    if (!groups) return {};
    const arns = fieldOfEach(groups, 'TargetGroups', 'TargetGroupArn');
    const health = await collectEach(ctx, arns, DETAIL_CONCURRENCY, async (arn, itemCtx) => {
      const { answer, refused } = await callOrRefusal(
        itemCtx,
        where('DescribeTargetHealth'),
        () => v2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
        TG_GONE,
      );
      if (refused) return undefined;
      // The CLI does not print which group it was asked about; the converter needs it.
      return answer
        ? [{ ...cliPage(answer, 'TargetHealthDescriptions'), TargetGroupArn: arn }]
        : [];
    });
    return {
      'elbv2-describe-target-groups': groups,
      ...(health ? { 'elbv2-describe-target-health': health } : {}),
    };
  };

  const classicLoadBalancers = async (): Promise<Ec2Outputs> => {
    const pages = await collectPages(ctx, {
      where: where('DescribeLoadBalancers'),
      list: 'LoadBalancerDescriptions',
      send: (marker) => classic.send(new DescribeClassicLoadBalancersCommand(page(marker))),
      nextToken: (answer) => answer.NextMarker,
    });
    const name: Ec2OutputName = 'elb-describe-load-balancers';
    return pages ? { [name]: pages } : {};
  };

  try {
    const parts = await Promise.all([
      loadBalancersAndListeners(),
      targetGroupsAndHealth(),
      classicLoadBalancers(),
    ]);
    return parts.reduce<Ec2Outputs>((all, part) => ({ ...all, ...part }), {});
  } finally {
    v2.destroy();
    classic.destroy();
  }
}

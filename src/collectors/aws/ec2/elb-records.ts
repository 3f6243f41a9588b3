import type { RecordsBuilder } from '../../../records/records-builder.js';
import { ec2Arn, type Ec2Location } from './ec2-arn.js';
import type { ParsedEc2 } from './parse-ec2-outputs.js';
import type { Elbv2Listener } from './ec2-output-schemas.js';

/** What the analysis reads of one listener (kept on the load balancer as `listeners`). */
export interface ListenerSummary {
  readonly protocol: string;
  readonly port: number;
  /** Target groups its default action forwards to (ELBv2). */
  readonly targetGroups?: readonly string[];
  /** Classic: the instance port it forwards to. */
  readonly instancePort?: number;
}

/** ELBv2 load balancers, listeners, target groups and targets; classic load balancers. */
export function addLoadBalancerRecords(b: RecordsBuilder, at: Ec2Location, ec2: ParsedEc2): void {
  const located = { account: at.account, region: at.region };
  const partition = at.partition ?? 'aws';
  const listenersByLb = new Map<string, Elbv2Listener[]>();
  for (const l of ec2.listeners ?? []) {
    listenersByLb.set(l.LoadBalancerArn, [...(listenersByLb.get(l.LoadBalancerArn) ?? []), l]);
  }
  const placement = (
    id: string,
    vpcId: string | undefined,
    subnets: readonly string[],
    groups: readonly string[],
  ): void => {
    if (vpcId) b.rel('IN_VPC', id, b.stub('AWSVpc', ec2Arn(at, 'vpc', vpcId)));
    for (const s of subnets) b.rel('IN_SUBNET', id, b.stub('AWSSubnet', ec2Arn(at, 'subnet', s)));
    for (const g of groups) {
      b.rel('HAS_SECURITY_GROUP', id, b.stub('AWSSecurityGroup', ec2Arn(at, 'security-group', g)));
    }
  };

  for (const lb of ec2.loadBalancers ?? []) {
    const listeners = (listenersByLb.get(lb.LoadBalancerArn) ?? []).map(summarize);
    const subnets = (lb.AvailabilityZones ?? []).flatMap((z) => (z.SubnetId ? [z.SubnetId] : []));
    const id = b.node('AWSLoadBalancer', lb.LoadBalancerArn, {
      ...located,
      name: lb.LoadBalancerName,
      kind: lb.Type ?? 'application',
      scheme: lb.Scheme,
      dnsName: lb.DNSName,
      vpcId: lb.VpcId,
      subnetIds: subnets,
      securityGroupIds: lb.SecurityGroups ?? [],
      ipAddressType: lb.IpAddressType,
      listeners,
    });
    placement(id, lb.VpcId, subnets, lb.SecurityGroups ?? []);
    for (const l of listeners) {
      for (const tg of l.targetGroups ?? []) {
        b.rel('FORWARDS_TO', id, b.stub('AWSTargetGroup', tg), {
          protocol: l.protocol,
          port: l.port,
        });
      }
    }
  }

  // Targets are instance ids, IP addresses (mapped to the instance whose interface holds them),
  // Lambda function ARNs or ALB ARNs.
  const instanceByIp = new Map<string, string>();
  for (const n of ec2.networkInterfaces) {
    const instance = n.Attachment?.InstanceId;
    if (!instance) continue;
    for (const p of n.PrivateIpAddresses ?? []) {
      if (p.PrivateIpAddress) instanceByIp.set(p.PrivateIpAddress, instance);
    }
  }
  const health = new Map((ec2.targetHealth ?? []).map((h) => [h.TargetGroupArn, h]));
  for (const tg of ec2.targetGroups ?? []) {
    const id = b.node('AWSTargetGroup', tg.TargetGroupArn, {
      ...located,
      name: tg.TargetGroupName,
      protocol: tg.Protocol,
      port: tg.Port,
      targetType: tg.TargetType,
      vpcId: tg.VpcId,
    });
    if (tg.VpcId) b.rel('IN_VPC', id, b.stub('AWSVpc', ec2Arn(at, 'vpc', tg.VpcId)));
    for (const { Target } of health.get(tg.TargetGroupArn)?.TargetHealthDescriptions ?? []) {
      const port = Target.Port ?? tg.Port;
      const type = tg.TargetType ?? 'instance';
      if (type === 'lambda') {
        b.rel('HAS_TARGET', id, b.stub('AWSLambdaFunction', Target.Id), { port });
      } else if (type === 'alb') {
        b.rel('HAS_TARGET', id, b.stub('AWSLoadBalancer', Target.Id), { port });
      } else {
        const instance = type === 'ip' ? instanceByIp.get(Target.Id) : Target.Id;
        if (instance) {
          b.rel('HAS_TARGET', id, b.stub('AWSEC2Instance', ec2Arn(at, 'instance', instance)), {
            port,
          });
        }
      }
    }
  }

  for (const lb of ec2.classicLoadBalancers ?? []) {
    const arn = `arn:${partition}:elasticloadbalancing:${at.region}:${at.account}:loadbalancer/${lb.LoadBalancerName}`;
    const listeners: ListenerSummary[] = (lb.ListenerDescriptions ?? []).map(({ Listener: l }) => ({
      protocol: l.Protocol.toUpperCase(),
      port: l.LoadBalancerPort,
      instancePort: l.InstancePort,
    }));
    const id = b.node('AWSLoadBalancer', arn, {
      ...located,
      name: lb.LoadBalancerName,
      kind: 'classic',
      scheme: lb.Scheme,
      dnsName: lb.DNSName,
      vpcId: lb.VPCId,
      subnetIds: lb.Subnets ?? [],
      securityGroupIds: lb.SecurityGroups ?? [],
      listeners,
    });
    placement(id, lb.VPCId, lb.Subnets ?? [], lb.SecurityGroups ?? []);
    for (const i of lb.Instances ?? []) {
      b.rel('HAS_TARGET', id, b.stub('AWSEC2Instance', ec2Arn(at, 'instance', i.InstanceId)));
    }
  }
}

function summarize(l: Elbv2Listener): ListenerSummary {
  const groups = new Set<string>();
  for (const action of l.DefaultActions ?? []) {
    if (action.Type !== 'forward') continue;
    if (action.TargetGroupArn) groups.add(action.TargetGroupArn);
    for (const tg of action.ForwardConfig?.TargetGroups ?? []) groups.add(tg.TargetGroupArn);
  }
  return { protocol: l.Protocol ?? 'TCP', port: l.Port ?? 0, targetGroups: [...groups] };
}

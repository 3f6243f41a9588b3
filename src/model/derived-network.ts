import { defineRel } from './define-rel.js';

// Network reachability relationships the analysis derives (the internet → what it reaches).

export const REACHES = defineRel({
  type: 'REACHES',
  from: ['Internet'],
  to: [
    'AWSEC2Instance',
    'AWSNetworkInterface',
    'AWSLoadBalancer',
    'AWSLambdaFunction',
    'AWSRdsInstance',
  ],
  description:
    'Traffic from the internet reaches the resource: routes back to an internet gateway, network ACLs both ways, security groups, and for targets the load balancer in front. One per resource, with every protocol and port range.',
  properties: {
    exposure: {
      type: 'json',
      required: true,
      description:
        '`[{protocol, fromPort, toPort, via, rules}]`: `protocol` is tcp, udp, icmp (ports are ICMP types, -1 for all) or all; `via` the ids of the gateway, route table, ACLs, security groups and load balancer on the way; `rules` the routes and rules that allow it, in words.',
    },
    ports: {
      type: 'string[]',
      required: true,
      description:
        'The same ranges in short, for queries: `tcp:22`, `tcp:8000-8080`, `icmp`, `all`.',
    },
    analysisId: { type: 'string', required: true, description: 'The analysis that derived it.' },
  },
});

import { z } from 'zod';

/*
 * The shapes of the rule JSON stored on network nodes (as the EC2 API returns it). Reachability
 * checks them once per node; a node whose rules do not parse is reported and left unreachable
 * through that hop rather than guessed at.
 */

export const aclEntries = z.array(
  z.looseObject({
    RuleNumber: z.number().int(),
    Protocol: z.string(),
    RuleAction: z.enum(['allow', 'deny']),
    Egress: z.boolean(),
    CidrBlock: z.string().optional(),
    Ipv6CidrBlock: z.string().optional(),
    PortRange: z.looseObject({ From: z.number().int(), To: z.number().int() }).optional(),
    IcmpTypeCode: z.looseObject({ Type: z.number().int() }).optional(),
  }),
);
export type AclEntry = z.infer<typeof aclEntries>[number];

export const routes = z.array(
  z.looseObject({
    DestinationCidrBlock: z.string().optional(),
    DestinationIpv6CidrBlock: z.string().optional(),
    GatewayId: z.string().optional(),
    State: z.string().optional(),
  }),
);
export type Route = z.infer<typeof routes>[number];

export const ipPermissions = z.array(
  z.looseObject({
    IpProtocol: z.string(),
    FromPort: z.number().int().optional(),
    ToPort: z.number().int().optional(),
    IpRanges: z.array(z.looseObject({ CidrIp: z.string() })).optional(),
    Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: z.string() })).optional(),
    UserIdGroupPairs: z.array(z.looseObject({ GroupId: z.string().optional() })).optional(),
  }),
);
export type IpPermission = z.infer<typeof ipPermissions>[number];

export const listeners = z.array(
  z.looseObject({
    protocol: z.string(),
    port: z.number().int(),
    targetGroups: z.array(z.string()).optional(),
    instancePort: z.number().int().optional(),
  }),
);
export type Listener = z.infer<typeof listeners>[number];

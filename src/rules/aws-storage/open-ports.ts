import type { z } from 'zod';
import { ALL_IPV4, ALL_IPV6 } from '../../analyze/aws/network/address-space.js';
import { aclAllowed } from '../../analyze/aws/network/acl-eval.js';
import { IntervalSet } from '../../analyze/aws/network/interval-set.js';
import {
  aclEntries,
  ipPermissions,
  type AclEntry,
  type IpPermission,
} from '../../analyze/aws/network/network-rules.js';
import { groupAllowed } from '../../analyze/aws/network/sg-eval.js';
import type { Protocol } from '../../analyze/aws/network/traffic.js';
import { BadInputError } from '../../errors/cairn-error.js';
import { describeIssue } from '../../records/describe-issue.js';

export type AddressFamily = 'ipv4' | 'ipv6';
export type PortProtocol = Extract<Protocol, 'tcp' | 'udp'>;

const FAMILY_SPACE: Readonly<Record<AddressFamily, IntervalSet>> = {
  ipv4: ALL_IPV4,
  ipv6: ALL_IPV6,
};
const WORLD: Readonly<Record<AddressFamily, string>> = { ipv4: '0.0.0.0/0', ipv6: '::/0' };

/** A port the whole of an address family can reach, and the rules that open it. */
export interface OpenPort {
  readonly port: number;
  readonly protocol: PortProtocol;
  readonly family: AddressFamily;
  readonly rules: readonly string[];
}

export interface PortQuestion {
  readonly ports: readonly number[];
  readonly protocols: readonly PortProtocol[];
  readonly families: readonly AddressFamily[];
}

/**
 * Ports of `question` that a security group's inbound rules open to an entire address family
 * (0.0.0.0/0, ::/0, or ranges that add up to it, such as 0.0.0.0/1 plus 128.0.0.0/1). Groups are
 * allow-only, so rules add up; rules naming other groups or prefix lists are not the world.
 */
export function groupOpenPorts(
  groupId: string,
  ingress: unknown,
  question: PortQuestion,
  where: string,
): OpenPort[] {
  const permissions = parseWith<IpPermission[]>(ipPermissions, ingress ?? [], where);
  const open: OpenPort[] = [];
  for (const protocol of question.protocols) {
    const boxes = groupAllowed(groupId, groupId, permissions, protocol);
    for (const port of question.ports) {
      const point = IntervalSet.of(BigInt(port), BigInt(port));
      const reaching = boxes.filter((b) => b.ports.overlaps(point));
      const addrs = IntervalSet.union(reaching.map((b) => b.addrs));
      for (const family of question.families) {
        const space = FAMILY_SPACE[family];
        if (!addrs.intersect(space).equals(space)) continue;
        const rules = reaching.filter((b) => b.addrs.overlaps(space)).map((b) => b.rule);
        open.push({ port, protocol, family, rules });
      }
    }
  }
  return open;
}

/**
 * Ports of `question` a network ACL lets in from the world. Entries are read in rule-number order
 * (the first match decides), so an allow from 0.0.0.0/0 behind a lower-numbered deny of the same
 * traffic opens nothing. A port is open when an allow entry from 0.0.0.0/0 or ::/0 still decides
 * some of its traffic, or when the allowed sources add up to a whole address family.
 */
export function aclOpenPorts(entries: unknown, question: PortQuestion, where: string): OpenPort[] {
  const parsed = parseWith<AclEntry[]>(aclEntries, entries, where);
  const worldRules = new Map<number, AddressFamily>();
  for (const entry of parsed) {
    if (entry.Egress || entry.RuleAction !== 'allow') continue;
    if (entry.CidrBlock?.trim() === WORLD.ipv4) worldRules.set(entry.RuleNumber, 'ipv4');
    if (entry.Ipv6CidrBlock?.trim() === WORLD.ipv6) worldRules.set(entry.RuleNumber, 'ipv6');
  }
  const open: OpenPort[] = [];
  for (const protocol of question.protocols) {
    const boxes = aclAllowed(parsed, false, protocol);
    for (const port of question.ports) {
      const point = IntervalSet.of(BigInt(port), BigInt(port));
      const reaching = boxes.filter((b) => b.ports.overlaps(point));
      for (const family of question.families) {
        const space = FAMILY_SPACE[family];
        const inFamily = reaching.filter((b) => b.addrs.overlaps(space));
        const fromWorld = inFamily.some((b) => worldRules.get(b.rule) === family);
        const covered = IntervalSet.union(inFamily.map((b) => b.addrs))
          .intersect(space)
          .equals(space);
        if (!fromWorld && !covered) continue;
        const rules = [...new Set(inFamily.map((b) => b.rule))].sort((a, b) => a - b);
        open.push({ port, protocol, family, rules: rules.map((n) => `rule ${n}`) });
      }
    }
  }
  return open;
}

/** Whether a security group has any rule that lets traffic through (a source of some kind). */
export function permissionsWithSources(value: unknown, where: string): IpPermission[] {
  return parseWith<IpPermission[]>(ipPermissions, value ?? [], where).filter(
    (p) =>
      (p.IpRanges ?? []).length > 0 ||
      (p.Ipv6Ranges ?? []).length > 0 ||
      (p.UserIdGroupPairs ?? []).length > 0 ||
      hasPrefixLists(p),
  );
}

function hasPrefixLists(permission: IpPermission): boolean {
  const lists: unknown = (permission as Record<string, unknown>)['PrefixListIds'];
  return Array.isArray(lists) && lists.length > 0;
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new BadInputError(`${where}: ${first ? describeIssue(first) : 'not valid rule JSON'}`);
}

import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { jsonEvidence } from './json-evidence.js';
import {
  aclOpenPorts,
  groupOpenPorts,
  permissionsWithSources,
  type OpenPort,
  type PortQuestion,
} from './open-ports.js';
import { portList, ruleParams } from './rule-params.js';

const questionParams = z
  .object({
    ports: portList,
    protocols: z
      .array(z.enum(['tcp', 'udp']))
      .min(1)
      .default(['tcp', 'udp']),
    families: z
      .array(z.enum(['ipv4', 'ipv6']))
      .min(1)
      .default(['ipv4', 'ipv6']),
  })
  .strict();

function describe(open: readonly OpenPort[]): string {
  const first = open[0];
  if (!first) return '';
  const world = first.family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  const more = open.length > 1 ? ` (+${open.length - 1} more)` : '';
  return `${first.protocol} ${first.port} open to ${world} by ${first.rules.join(', ')}${more}`;
}

function summary(open: readonly OpenPort[]): Record<string, unknown> {
  return {
    open: open.map((o) => ({
      port: o.port,
      protocol: o.protocol,
      family: o.family,
      rules: [...o.rules],
    })),
  };
}

/** Security group inbound rules that open any of `params.ports` to a whole address family. */
export const sgOpenPorts: Evaluator = (row) => {
  const question: PortQuestion = ruleParams(questionParams, row);
  const groupId =
    typeof row.evidence['groupId'] === 'string' ? row.evidence['groupId'] : row.resource;
  const open = groupOpenPorts(
    groupId,
    jsonEvidence(row, 'ingress'),
    question,
    `${row.resource}: ingress`,
  );
  if (open.length === 0) return { status: 'PASS', evidence: { groupId, ports: question.ports } };
  return { status: 'FAIL', evidence: { groupId, ...summary(open) }, message: describe(open) };
};

/** Network ACL inbound entries that, in rule order, let the world reach any of `params.ports`. */
export const naclOpenPorts: Evaluator = (row) => {
  const question: PortQuestion = ruleParams(questionParams, row);
  const open = aclOpenPorts(jsonEvidence(row, 'entries'), question, `${row.resource}: entries`);
  const networkAclId = row.evidence['networkAclId'] ?? null;
  if (open.length === 0)
    return { status: 'PASS', evidence: { networkAclId, ports: question.ports } };
  return { status: 'FAIL', evidence: { networkAclId, ...summary(open) }, message: describe(open) };
};

/** A default security group with no rule that lets anything in or out. */
export const sgNoRules: Evaluator = (row) => {
  const ingress = permissionsWithSources(jsonEvidence(row, 'ingress'), `${row.resource}: ingress`);
  const egress = permissionsWithSources(jsonEvidence(row, 'egress'), `${row.resource}: egress`);
  const evidence = {
    groupId: row.evidence['groupId'] ?? null,
    ingressRules: ingress.length,
    egressRules: egress.length,
  };
  if (ingress.length === 0 && egress.length === 0) return { status: 'PASS', evidence };
  return {
    status: 'FAIL',
    evidence,
    message: `the default group has ${ingress.length} inbound and ${egress.length} outbound rule(s)`,
  };
};

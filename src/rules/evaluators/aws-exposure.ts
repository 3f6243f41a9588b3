import { BadInputError } from '../../errors/cairn-error.js';
import { optionalString, storedJson } from '../aws-exposure/evidence-fields.js';
import { describeChain, instanceRoleOf, isAdminLike } from '../aws-exposure/instance-role.js';
import { internetReachOf, rangesOpenOn, viaIds } from '../aws-exposure/internet-reach.js';
import { describeRoute, publicGrantsOf } from '../aws-exposure/public-grants.js';
import { publicInvoke } from '../aws-exposure/public-invoke.js';
import type { Evaluator, EvaluatorSet, RuleRow } from '../evaluator.js';

/** Evidence without the raw facts the evaluator has read (exposure JSON, policies). */
function kept(row: RuleRow, drop: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row.evidence).filter(([key]) => !drop.includes(key)));
}

function numberListParam(row: RuleRow, name: string, fallback: readonly number[]): number[] {
  const value = row.params[name];
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value) || !value.every((v): v is number => Number.isInteger(v)))
    throw new BadInputError(`params.${name} must be a list of port numbers`);
  return value;
}

function stringListParam(row: RuleRow, name: string): string[] {
  const value = row.params[name];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
    throw new BadInputError(`params.${name} must be a non-empty list of strings`);
  return value;
}

/** Internet-reachable and still answering IMDSv1: SSRF on it yields the role's credentials. */
const imdsv1Reachable: Evaluator = (row) => {
  const reach = internetReachOf(row);
  const tokens = optionalString(row, 'imdsHttpTokens');
  const endpoint = optionalString(row, 'imdsHttpEndpoint');
  const evidence = {
    ...kept(row, ['exposure', 'reached']),
    ports: reach.ports,
    via: viaIds(reach.ranges),
  };
  if (!reach.reached)
    return { status: 'PASS', evidence, message: 'not reachable from the internet' };
  if (endpoint === 'disabled')
    return { status: 'PASS', evidence, message: 'instance metadata service is disabled' };
  if (tokens === 'required')
    return { status: 'PASS', evidence, message: 'IMDSv2 required (httpTokens required)' };
  if (tokens === null)
    return { status: 'NOT_APPLICABLE', evidence, message: 'IMDS settings were not collected' };
  const role = optionalString(row, 'role');
  return {
    status: 'FAIL',
    evidence,
    message: `reachable from the internet on ${reach.ports.join(', ')} and IMDSv1 allowed (httpTokens ${tokens}); ${role ? `SSRF exposes ${role}` : 'no instance role'}`,
  };
};

/** The Internet gets to SSH or RDP after routes, network ACLs and security groups. */
const adminPortReachable: Evaluator = (row) => {
  const reach = internetReachOf(row);
  const adminPorts = numberListParam(row, 'ports', [22, 3389]);
  const open = adminPorts.filter((port) => rangesOpenOn(reach.ranges, port).length > 0);
  const through = open.flatMap((port) => rangesOpenOn(reach.ranges, port));
  const evidence = {
    ...kept(row, ['exposure', 'reached']),
    ports: open,
    reachedPorts: reach.ports,
    via: viaIds(through),
  };
  if (open.length === 0) {
    const why = reach.reached
      ? `reachable from the internet only on ${reach.ports.join(', ')}`
      : 'not reachable from the internet';
    return { status: 'PASS', evidence, message: why };
  }
  return {
    status: 'FAIL',
    evidence,
    message: `internet reaches administration port ${open.map((p) => `tcp:${p}`).join(', ')}`,
  };
};

/** Internet-reachable with a role that is, or can become, admin-equivalent. */
const reachablePrivilegedRole: Evaluator = (row) => {
  const reach = internetReachOf(row);
  const role = instanceRoleOf(row);
  const evidence = {
    ...kept(row, ['exposure', 'reached']),
    ports: reach.ports,
    via: viaIds(reach.ranges),
  };
  if (!reach.reached)
    return { status: 'PASS', evidence, message: 'not reachable from the internet' };
  if (role.role === null) {
    return role.instanceProfile === null
      ? { status: 'PASS', evidence, message: 'no instance profile' }
      : {
          status: 'NOT_APPLICABLE',
          evidence,
          message: `the role of instance profile ${role.instanceProfile} was not collected`,
        };
  }
  if (isAdminLike(role.adminStatus)) {
    const how = role.adminStatus === 'conditional' ? ' (under conditions Cairn cannot check)' : '';
    return {
      status: 'FAIL',
      evidence,
      message: `reachable from the internet on ${reach.ports.join(', ')}; role ${role.role} is admin-equivalent${how}`,
    };
  }
  if (role.escalation.length > 0)
    return {
      status: 'FAIL',
      evidence,
      message: `reachable from the internet on ${reach.ports.join(', ')}; role ${role.role} escalates to admin: ${describeChain(role.escalation)}`,
    };
  if (role.adminStatus === null)
    return {
      status: 'NOT_APPLICABLE',
      evidence,
      message: `role ${role.role} has no admin status (its account was not analyzed)`,
    };
  return {
    status: 'PASS',
    evidence,
    message: `role ${role.role} is not admin-equivalent and has no path to admin`,
  };
};

/** Anything the Internet REACHES (a database here): which ports, through what. */
const internetReachable: Evaluator = (row) => {
  const reach = internetReachOf(row);
  const evidence = {
    ...kept(row, ['exposure', 'reached']),
    ports: reach.ports,
    via: viaIds(reach.ranges),
  };
  return reach.reached
    ? {
        status: 'FAIL',
        evidence,
        message: `reachable from the internet on ${reach.ports.join(', ')}`,
      }
    : { status: 'PASS', evidence, message: 'not reachable from the internet' };
};

/** How a message says each access level. */
const LEVEL_VERBS: Readonly<Record<string, string>> = {
  read: 'read',
  write: 'write',
  permissions: 'change the permissions of',
};

/**
 * Strangers (anyone, or any AWS account) get one of `params.levels` on the store outright, from
 * the Internet's CAN_ACCESS edges. Access that holds only under a condition Cairn cannot check
 * (source IP, VPC endpoint) is reported but passes.
 */
const publicAccess: Evaluator = (row) => {
  const wanted = stringListParam(row, 'levels');
  const grants = publicGrantsOf(row);
  const evidence = {
    ...kept(row, ['grants']),
    grants: grants.map((g) => ({
      audience: g.audience,
      levels: g.levels,
      conditionalLevels: g.conditionalLevels,
      actions: g.actions,
      ...(g.pending === null ? {} : { pending: g.pending }),
      ...g.how,
    })),
  };
  // `levels` lists conditional levels too; outright are those no pending condition holds back.
  const outrightOf = (g: (typeof grants)[number]): string[] =>
    g.levels.filter((l) => wanted.includes(l) && !g.conditionalLevels.includes(l));
  const first = grants.find((g) => outrightOf(g).length > 0);
  if (first)
    return {
      status: 'FAIL',
      evidence,
      message: `${first.audience === 'anyone' ? 'anyone' : 'any AWS account'} can ${outrightOf(
        first,
      )
        .map((level) => LEVEL_VERBS[level] ?? level)
        .join(' and ')} it through ${describeRoute(first.how)}`,
    };
  const conditional = grants.filter((g) => g.conditionalLevels.some((l) => wanted.includes(l)));
  if (conditional.length > 0)
    return {
      status: 'PASS',
      evidence,
      message: `public ${wanted.join('/')} only under conditions: ${conditional.map((g) => describeRoute(g.how)).join('; ')}`,
    };
  if (row.evidence['policyUnreadable'] === true)
    return {
      status: 'NOT_APPLICABLE',
      evidence,
      message: 'its resource policy could not be read',
    };
  return { status: 'PASS', evidence, message: `no public ${wanted.join('/')} access` };
};

/** The function's resource policy lets anyone invoke it. */
const lambdaPublicInvoke: Evaluator = (row) => {
  const evidence = kept(row, ['policy']);
  const raw = row.evidence['policy'];
  if (raw === null || raw === undefined)
    return { status: 'PASS', evidence, message: 'no resource policy' };
  const policy = storedJson(raw, `${row.resource}: policy`);
  if (typeof policy === 'string')
    return { status: 'NOT_APPLICABLE', evidence, message: 'its resource policy could not be read' };
  const verdict = publicInvoke(policy, `${row.resource}: policy`);
  const full = { ...evidence, open: verdict.open, deniedForEveryone: verdict.denied };
  const first = verdict.open[0];
  if (!first)
    return {
      status: 'PASS',
      evidence: full,
      message:
        verdict.denied.length > 0
          ? `public invoke is denied to everyone (${verdict.denied.join(', ')})`
          : 'no statement lets anyone invoke it without a narrowing condition',
    };
  return {
    status: 'FAIL',
    evidence: full,
    message: `statement ${first.statements.join(', ')} lets anyone call ${verdict.open.map((o) => o.action).join(', ')}`,
  };
};

/** Evaluators of the aws-exposure rules, by the name a rule's `check.evaluator` gives. */
export const awsExposureEvaluators: EvaluatorSet = {
  'exposure-imdsv1-reachable': imdsv1Reachable,
  'exposure-admin-port-reachable': adminPortReachable,
  'exposure-reachable-privileged-role': reachablePrivilegedRole,
  'exposure-internet-reachable': internetReachable,
  'exposure-public-access': publicAccess,
  'exposure-lambda-public-invoke': lambdaPublicInvoke,
};

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type {
  EstatePrincipal,
  IamEstate,
  StoredPolicy,
} from '../../src/analyze/aws/estate/iam-estate.js';
import {
  RESOURCE_KINDS,
  type EstateResource,
  type ResourceKind,
} from '../../src/analyze/aws/estate/resource-estate.js';

/**
 * Escalation case files (test/cases/aws-escalation, format in its README): a small IAM estate
 * written by hand, and the edges and paths Cairn must (and must not) derive from it.
 */
const document = z.record(z.string(), z.unknown());
/** A document, or a reference to a managed policy declared under `managedPolicies`. */
const policyInput = z.union([z.strictObject({ managed: z.string() }), document]);
const principal = z.strictObject({
  policies: z.array(policyInput).default([]),
  groups: z.array(z.string()).optional(),
  boundary: policyInput.optional(),
  boundaryUnknown: z.boolean().optional(),
  trust: document.optional(),
  instanceProfile: z.boolean().optional(),
  path: z.string().optional(),
  accessKeys: z.number().int().min(0).max(2).optional(),
  consolePassword: z.boolean().optional(),
});
/** Which facts each kind of resource takes, besides `kind` and `region`. */
const RESOURCE_FIELDS: Record<ResourceKind, readonly string[]> = {
  'lambda-function': ['role', 'packageType'],
  'ec2-instance': ['instanceProfileRole', 'state', 'platform', 'ssmManaged'],
  'cloudformation-stack': ['role', 'state'],
  'codebuild-project': ['role'],
  'sagemaker-notebook': ['role', 'state'],
  'glue-dev-endpoint': ['role', 'state'],
};
/** An existing resource that runs as a role; the key is `<type>/<name>` or a full ARN. */
const resource = z
  .strictObject({
    kind: z.enum(RESOURCE_KINDS),
    region: z.string().default('us-east-1'),
    /** The role it runs as (not for instances). */
    role: z.string().optional(),
    /** An instance: the role of its instance profile. */
    instanceProfileRole: z.string().optional(),
    /** Lifecycle state or status; omitted ⇒ not collected. */
    state: z.string().optional(),
    platform: z.string().optional(),
    /** Omitted ⇒ unknown (SSM not collected). */
    ssmManaged: z.boolean().optional(),
    packageType: z.enum(['Zip', 'Image']).optional(),
  })
  .superRefine((r, ctx) => {
    for (const [field, value] of Object.entries(r)) {
      if (field === 'kind' || field === 'region' || value === undefined) continue;
      if (!RESOURCE_FIELDS[r.kind].includes(field))
        ctx.addIssue({ code: 'custom', message: `a ${r.kind} takes no ${field}`, path: [field] });
    }
  });
const edgeExpectation = z.strictObject({
  from: z.string(),
  to: z.string().optional(),
  technique: z.string(),
  conditional: z.boolean().optional(),
  actions: z.array(z.string()).optional(),
  through: z.string().optional(),
  /** Resources (case keys or ARNs) the evidence must name. */
  resources: z.array(z.string()).optional(),
  /** The edge's preconditions, exactly. */
  preconditions: z.array(z.string()).optional(),
  /** The condition keys left pending on the edge, exactly. */
  pendingKeys: z.array(z.string()).optional(),
});
const pathExpectation = z.strictObject({
  from: z.string(),
  maxHops: z.number().int().min(1).max(10).default(6),
  /** Each expected path as its techniques in order; `[]` when there must be none. */
  expect: z.array(z.strictObject({ target: z.string(), techniques: z.array(z.string()) })),
});
export const escalationCaseSchema = z.strictObject({
  description: z.string().min(1),
  account: z
    .string()
    .regex(/^\d{12}$/)
    .default('111111111111'),
  principals: z.record(z.string(), principal),
  groups: z.record(z.string(), z.array(policyInput)).default({}),
  managedPolicies: z.record(z.string(), document).default({}),
  scps: z.array(z.array(document)).default([]),
  resources: z.record(z.string(), resource).default({}),
  expect: z.array(edgeExpectation).default([]),
  absent: z.array(edgeExpectation).default([]),
  paths: z.array(pathExpectation).default([]),
});
export type EscalationCase = z.infer<typeof escalationCaseSchema>;

/** `user/alice` → the ARN in the case's account; full ARNs stay as they are. */
export function arnOf(name: string, account: string): string {
  return name.startsWith('arn:') ? name : `arn:aws:iam::${account}:${name}`;
}

function accountOf(arn: string): string {
  return /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1] ?? '';
}

/** The case's estate, in the shape `cairn analyze` reads from the graph. */
export function estateOf(c: EscalationCase): IamEstate {
  const stored = (input: z.infer<typeof policyInput>, owner: string, i: number): StoredPolicy => {
    if (typeof input['managed'] === 'string' && Object.keys(input).length === 1) {
      const id = arnOf(input['managed'], c.account);
      const doc = c.managedPolicies[input['managed']] ?? c.managedPolicies[id];
      if (!doc) throw new Error(`managed policy ${input['managed']} is not declared`);
      return {
        id,
        document: doc,
        kind: id.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'customer-managed',
      };
    }
    return { id: `${owner}#inline/${i}`, document: input, kind: 'inline' };
  };
  const groups = Object.entries(c.groups).map(([name, policies]) => {
    const id = arnOf(name.includes('/') ? name : `group/${name}`, c.account);
    return { id, account: accountOf(id), policies: policies.map((p, i) => stored(p, id, i)) };
  });
  const groupPolicies = new Map(groups.map((g) => [g.id, g.policies]));
  const principals: EstatePrincipal[] = Object.entries(c.principals).map(([name, p]) => {
    const id = arnOf(name, c.account);
    const account = accountOf(id);
    const memberOf = (p.groups ?? []).map((g) =>
      arnOf(g.includes('/') ? g : `group/${g}`, c.account),
    );
    const viaGroups = memberOf.flatMap((g) =>
      (groupPolicies.get(g) ?? []).map((policy) => ({ ...policy, via: g })),
    );
    return {
      id,
      kind: id.includes(':role/') ? 'role' : 'user',
      account,
      scope: `aws:${account}`,
      ...(p.path ? { path: p.path } : {}),
      ...(p.trust ? { trustPolicy: p.trust } : {}),
      policies: [...p.policies.map((policy, i) => stored(policy, id, i)), ...viaGroups],
      ...(p.boundary ? { boundary: { ...stored(p.boundary, `${id}#boundary`, 0) } } : {}),
      boundaryUnknown: p.boundaryUnknown ?? false,
      groups: memberOf,
      instanceProfiles: p.instanceProfile ? [`${id.replace(':role/', ':instance-profile/')}`] : [],
      ...(p.accessKeys !== undefined ? { accessKeys: p.accessKeys } : {}),
      ...(p.consolePassword !== undefined ? { consolePassword: p.consolePassword } : {}),
    };
  });
  const accounts = [...new Set(principals.map((p) => p.account))].map((account) => ({
    account,
    scope: `aws:${account}`,
    scpLevels: c.scps.map((level, i) =>
      level.map((doc, j) => ({ id: `scp-${i}-${j}`, document: doc })),
    ),
  }));
  return { accounts, principals, groups };
}

/** How a short resource key (`function/app`) becomes the ARN AWS uses, per kind. */
const RESOURCE_ARNS: Record<ResourceKind, { prefix: string; arn: (name: string) => string }> = {
  'lambda-function': { prefix: 'function', arn: (n) => `lambda:{r}:{a}:function:${n}` },
  'ec2-instance': { prefix: 'instance', arn: (n) => `ec2:{r}:{a}:instance/${n}` },
  'cloudformation-stack': {
    prefix: 'stack',
    arn: (n) => `cloudformation:{r}:{a}:stack/${n}/6d1e3c70-0000-4000-8000-000000000000`,
  },
  'codebuild-project': { prefix: 'project', arn: (n) => `codebuild:{r}:{a}:project/${n}` },
  'sagemaker-notebook': {
    prefix: 'notebook-instance',
    arn: (n) => `sagemaker:{r}:{a}:notebook-instance/${n}`,
  },
  'glue-dev-endpoint': { prefix: 'devEndpoint', arn: (n) => `glue:{r}:{a}:devEndpoint/${n}` },
};

/** A resource's ARN from its case key. */
export function resourceArnOf(c: EscalationCase, key: string): string {
  const r = c.resources[key];
  if (!r) return arnOf(key, c.account);
  if (key.startsWith('arn:')) return key;
  const { prefix, arn } = RESOURCE_ARNS[r.kind];
  if (!key.startsWith(`${prefix}/`)) throw new Error(`resource ${key}: a ${r.kind} is ${prefix}/…`);
  const tail = arn(key.slice(prefix.length + 1))
    .replace('{r}', r.region)
    .replace('{a}', c.account);
  return `arn:aws:${tail}`;
}

/** The case's resources, in the shape `cairn analyze` reads from the graph. */
export function resourcesOf(c: EscalationCase): EstateResource[] {
  return Object.entries(c.resources).map(([key, r]) => {
    const id = resourceArnOf(c, key);
    const role = r.role ?? r.instanceProfileRole;
    return {
      id,
      kind: r.kind,
      account: id.split(':')[4] ?? c.account,
      region: r.region,
      ...(role ? { role: arnOf(role, c.account) } : {}),
      ...(r.state !== undefined ? { state: r.state } : {}),
      ...(r.platform !== undefined ? { platform: r.platform } : {}),
      ...(r.ssmManaged !== undefined ? { ssmManaged: r.ssmManaged } : {}),
      ...(r.packageType !== undefined ? { packageType: r.packageType } : {}),
    };
  });
}

/** Every case file under a folder, by path relative to it. */
export function readEscalationCases(dir: string): { file: string; body: EscalationCase }[] {
  const out: { file: string; body: EscalationCase }[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.json')) {
        const parsed = escalationCaseSchema.safeParse(
          JSON.parse(readFileSync(join(dir, rel), 'utf8')),
        );
        if (!parsed.success)
          throw new Error(
            `${rel}: ${parsed.error.issues[0]?.message ?? ''} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`,
          );
        out.push({ file: rel, body: parsed.data });
      }
    }
  };
  walk('');
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

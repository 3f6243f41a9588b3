import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type {
  EstatePrincipal,
  IamEstate,
  StoredPolicy,
} from '../../src/analyze/aws/estate/iam-estate.js';

/**
 * Data-access case files (test/cases/aws-access, format in its README): principals, data
 * stores and the CAN_ACCESS edges and whoCan answers Cairn must (and must not) give.
 */
const document = z.record(z.string(), z.unknown());
const policyInput = z.union([z.strictObject({ managed: z.string() }), document]);
const principal = z.strictObject({
  policies: z.array(policyInput).default([]),
  boundary: policyInput.optional(),
  boundaryUnknown: z.boolean().optional(),
  trust: document.optional(),
});
const store = z.strictObject({
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  region: z.string().default('us-east-1'),
  policy: z.unknown().optional(),
  publicAccessBlock: document.optional(),
  accountPublicAccessBlock: document.optional(),
  aclGrants: z.array(z.unknown()).optional(),
  objectOwnership: z.string().optional(),
  /** S3's own verdict on the policy (GetBucketPolicyStatus). */
  policyIsPublic: z.boolean().optional(),
  /** Databases: IAM database authentication (the loader only reads those with it on). */
  iamAuth: z.boolean().optional(),
  resourceId: z.string().optional(),
  /** Snapshots and images. */
  public: z.boolean().optional(),
});
const level = z.enum(['read', 'write', 'permissions']);
const edgeExpectation = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** Exactly these levels. */
  levels: z.array(level).optional(),
  conditionalLevels: z.array(level).optional(),
  conditional: z.boolean().optional(),
  audience: z.enum(['anyone', 'any-aws-account']).optional(),
  /** Actions the edge must list. */
  actions: z.array(z.string()).optional(),
  /** Condition keys left pending, exactly. */
  pendingKeys: z.array(z.string()).optional(),
  /** Something the evidence must hold: a statement's policy id, an ACL group, an attribute. */
  evidence: z.array(z.string()).optional(),
});
const absentExpectation = z.strictObject({
  from: z.string(),
  to: z.string(),
  audience: z.enum(['anyone', 'any-aws-account']).optional(),
});
const whoCanExpectation = z.strictObject({
  action: z.string(),
  /** A store key (`bucket/data`), a store key with an object (`bucket/data/a.txt`), or an ARN. */
  resource: z.string(),
  /** Entries that must be there (`via` checked when given). */
  expect: z.array(
    z.strictObject({
      principal: z.string(),
      via: z.string().optional(),
      conditional: z.boolean().optional(),
    }),
  ),
  /** Principals that must not be there. */
  absent: z.array(z.string()).default([]),
});
export const accessCaseSchema = z.strictObject({
  description: z.string().min(1),
  account: z
    .string()
    .regex(/^\d{12}$/)
    .default('111111111111'),
  principals: z.record(z.string(), principal).default({}),
  managedPolicies: z.record(z.string(), document).default({}),
  scps: z.array(z.array(document)).default([]),
  orgs: z.record(z.string(), z.string()).default({}),
  stores: z.record(z.string(), store),
  expect: z.array(edgeExpectation).default([]),
  absent: z.array(absentExpectation).default([]),
  whoCan: z.array(whoCanExpectation).default([]),
});
export type AccessCase = z.infer<typeof accessCaseSchema>;

/** Every case under `dir` (recursively), each checked against the schema, named by path. */
export function readAccessCases(dir: string): { file: string; body: AccessCase }[] {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    const parsed = accessCaseSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${relative(dir, path)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    return { file, body: parsed.data };
  });
}

/** `user/alice` → the ARN in the case's account; `internet` and full ARNs stay as they are. */
export function principalArnOf(name: string, account: string): string {
  return name === 'internet' || name.startsWith('arn:') ? name : `arn:aws:iam::${account}:${name}`;
}

const STORE_TYPES = {
  bucket: { kind: 's3-bucket', arn: (n: string) => `arn:aws:s3:::${n}` },
  secret: {
    kind: 'secret',
    arn: (n: string, r: string, a: string) => `arn:aws:secretsmanager:${r}:${a}:secret:${n}`,
  },
  key: {
    kind: 'kms-key',
    arn: (n: string, r: string, a: string) => `arn:aws:kms:${r}:${a}:key/${n}`,
  },
  db: { kind: 'rds-db', arn: (n: string, r: string, a: string) => `arn:aws:rds:${r}:${a}:db:${n}` },
  snapshot: {
    kind: 'ebs-snapshot',
    arn: (n: string, r: string, a: string) => `arn:aws:ec2:${r}:${a}:snapshot/${n}`,
  },
  image: {
    kind: 'ami',
    arn: (n: string, r: string, a: string) => `arn:aws:ec2:${r}:${a}:image/${n}`,
  },
} as const;

/** A store key (`bucket/data`) → its ARN; with a trailing path (`bucket/data/a.txt`) for S3. */
export function storeArnOf(c: AccessCase, key: string): string {
  if (key.startsWith('arn:')) return key;
  const [type = '', name = '', ...rest] = key.split('/');
  const s = c.stores[`${type}/${name}`];
  const spec = STORE_TYPES[type as keyof typeof STORE_TYPES];
  if (!s || !spec) throw new Error(`store ${key} is not declared (keys are <type>/<name>)`);
  const arn = spec.arn(name, s.region, s.account ?? c.account);
  return rest.length ? `${arn}/${rest.join('/')}` : arn;
}

/** The stores as the analysis's Cypher file returns them (JSON properties as text). */
export function storeRowsOf(c: AccessCase): Record<string, unknown>[] {
  const json = (value: unknown): string | null =>
    value === undefined ? null : JSON.stringify(value);
  return Object.entries(c.stores).flatMap(([key, s]) => {
    const type = key.split('/')[0] as keyof typeof STORE_TYPES;
    const kind = STORE_TYPES[type].kind;
    // The Cypher file reads only databases with IAM authentication and public snapshots/images.
    if (kind === 'rds-db' && s.iamAuth !== true) return [];
    if ((kind === 'ebs-snapshot' || kind === 'ami') && s.public !== true) return [];
    return [
      {
        id: storeArnOf(c, key),
        kind,
        account: s.account ?? c.account,
        region: s.region,
        policy: json(s.policy),
        publicAccessBlock: json(s.publicAccessBlock),
        accountPublicAccessBlock: json(s.accountPublicAccessBlock),
        aclGrants: json(s.aclGrants),
        objectOwnership: s.objectOwnership ?? null,
        resourceId: s.resourceId ?? null,
        policyIsPublic: s.policyIsPublic ?? null,
      },
    ];
  });
}

function accountOf(arn: string): string {
  return /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1] ?? '';
}

/** The case's IAM estate, in the shape `cairn analyze` reads from the graph. */
export function accessEstateOf(c: AccessCase): IamEstate {
  const stored = (input: z.infer<typeof policyInput>, owner: string, i: number): StoredPolicy => {
    if (typeof input['managed'] === 'string' && Object.keys(input).length === 1) {
      const id = principalArnOf(input['managed'], c.account);
      const doc = c.managedPolicies[input['managed']];
      if (!doc) throw new Error(`managed policy ${input['managed']} is not declared`);
      return { id, document: doc, kind: 'customer-managed' };
    }
    return { id: `${owner}#inline/${i}`, document: input, kind: 'inline' };
  };
  const principals: EstatePrincipal[] = Object.entries(c.principals).map(([name, p]) => {
    const id = principalArnOf(name, c.account);
    const account = accountOf(id);
    return {
      id,
      kind: id.includes(':role/') ? 'role' : 'user',
      account,
      scope: `aws:${account}`,
      ...(p.trust ? { trustPolicy: p.trust } : {}),
      policies: p.policies.map((policy, i) => stored(policy, id, i)),
      ...(p.boundary ? { boundary: stored(p.boundary, `${id}#boundary`, 0) } : {}),
      boundaryUnknown: p.boundaryUnknown ?? false,
    };
  });
  const accounts = [...new Set(principals.map((p) => p.account))].map((account) => ({
    account,
    scope: `aws:${account}`,
    scpLevels: c.scps.map((levelDocs, i) =>
      levelDocs.map((doc, j) => ({ id: `scp-${i}-${j}`, document: doc })),
    ),
  }));
  return { accounts, principals, groups: [] };
}

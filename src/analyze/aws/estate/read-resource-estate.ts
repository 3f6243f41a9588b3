import { z } from 'zod';
import type { Database } from '../../../db/connection.js';
import { readNamed } from '../../../db/transactions.js';
import { BadInputError } from '../../../errors/cairn-error.js';
import { RESOURCE_KINDS, type EstateResource } from './resource-estate.js';

const ARN = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{12}:\S{1,2000}$/;

/** A graph row as the Cypher file returns it; anything else names the node and stops. */
const rowSchema = z.object({
  id: z.string().regex(ARN, 'not an ARN'),
  kind: z.enum(RESOURCE_KINDS),
  region: z.string().regex(/^[a-z0-9-]{1,32}$/, 'not a region'),
  role: z.string().regex(/^arn:[a-z-]+:iam::\d{12}:role\/\S{1,512}$/, 'not a role ARN'),
  state: z.string().max(64).nullable(),
  packageType: z.string().max(64).nullable(),
  platform: z.string().max(64).nullable(),
  ssmManaged: z.boolean().nullable(),
});

/**
 * The resources of the given accounts whose code runs as a role (functions, instances, stacks,
 * CodeBuild projects, notebooks, Glue endpoints), as loaded in the graph.
 */
export async function readResourceEstate(
  db: Database,
  accounts: readonly string[],
): Promise<EstateResource[]> {
  const out: EstateResource[] = [];
  for (const account of accounts) {
    const scopePrefix = `aws:${account}/`;
    for (const raw of await readNamed(db, 'analyze/aws-role-resources', { account, scopePrefix })) {
      out.push(resourceOf(raw, account));
    }
  }
  return out;
}

/** One row checked and shaped; facts not collected stay absent rather than guessed. */
export function resourceOf(raw: unknown, account: string): EstateResource {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const id = idOf(raw);
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `resource ${id.slice(0, 200)} of account ${account}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is malformed'}`,
    );
  }
  const row = parsed.data;
  return {
    id: row.id,
    kind: row.kind,
    account,
    region: row.region,
    role: row.role,
    ...(row.state !== null ? { state: row.state } : {}),
    ...(row.packageType !== null ? { packageType: row.packageType } : {}),
    ...(row.platform !== null ? { platform: row.platform } : {}),
    ...(row.ssmManaged !== null ? { ssmManaged: row.ssmManaged } : {}),
  };
}

function idOf(raw: unknown): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '?';
}

import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { PolicyCache } from './policy-cache.js';
import type { ActionCatalog, CompiledPolicy, PolicySet } from './policy/index.js';

interface StoredPolicy {
  id: string;
  document: unknown;
}

interface PrincipalRow {
  id: string;
  kind: 'user' | 'role';
  trustPolicy: string | null;
  policies: StoredPolicy[];
  boundary: StoredPolicy | null;
  boundaryUnknown: boolean;
}

interface ScpChainRow {
  managementAccountId: string | null;
  levels: { target: string; policies: StoredPolicy[] }[];
}

/** One IAM user or role, ready for evaluation: its policies compiled, its trust policy too. */
export interface IamPrincipal {
  readonly id: string;
  readonly kind: 'user' | 'role';
  readonly account: string;
  readonly scope: string;
  /** Identity, boundary and the account's SCP chain. */
  readonly policies: PolicySet;
  /** A boundary exists but its document was not collected: nothing it limits is certain. */
  readonly boundaryUnknown: boolean;
  readonly trust?: CompiledPolicy;
}

export interface AccountControls {
  readonly scps?: PolicySet['scps'];
  readonly managementAccountId?: string;
}

export interface IamModel {
  readonly principals: readonly IamPrincipal[];
  readonly accounts: ReadonlyMap<string, { scope: string; controls: AccountControls }>;
  readonly cache: PolicyCache;
}

/** Reads every loaded AWS account's principals and SCP chains, compiling each policy once. */
export async function loadIamModel(db: Database, catalog: ActionCatalog): Promise<IamModel> {
  const cache = new PolicyCache(catalog);
  const compiled = (stored: readonly StoredPolicy[]): CompiledPolicy[] =>
    stored.flatMap((p) => cache.get(p) ?? []);
  const principals: IamPrincipal[] = [];
  const accounts = new Map<string, { scope: string; controls: AccountControls }>();
  for (const { scope, account } of await readNamed<{ scope: string; account: string }>(
    db,
    'analyze/aws-account-scopes',
  )) {
    const [chain] = await readNamed<ScpChainRow>(db, 'analyze/aws-scp-chain', { account });
    const controls: AccountControls = {
      ...(chain?.levels.length
        ? { scps: chain.levels.map((level) => compiled(level.policies)) }
        : {}),
      ...(chain?.managementAccountId ? { managementAccountId: chain.managementAccountId } : {}),
    };
    accounts.set(account, { scope, controls });
    for (const row of await readNamed<PrincipalRow>(db, 'analyze/aws-principal-policies', {
      scope,
    })) {
      const boundary = row.boundary ? cache.get(row.boundary) : undefined;
      const trust = row.trustPolicy
        ? cache.get({ id: `${row.id}#trust`, document: row.trustPolicy })
        : undefined;
      principals.push({
        id: row.id,
        kind: row.kind,
        account,
        scope,
        boundaryUnknown: row.boundaryUnknown,
        policies: {
          identity: compiled(row.policies),
          ...(boundary ? { permissionsBoundary: boundary } : {}),
          ...controls,
        },
        ...(trust ? { trust } : {}),
      });
    }
  }
  return { principals, accounts, cache };
}

/** How a principal appears in a request: a user by ARN, a role as one of its sessions. */
export function requestPrincipalOf(principal: IamPrincipal): { arn: string; sessionArn?: string } {
  if (principal.kind !== 'role') return { arn: principal.id };
  const name = principal.id.slice(principal.id.lastIndexOf('/') + 1);
  return {
    arn: principal.id,
    sessionArn: `arn:aws:sts::${principal.account}:assumed-role/${name}/cairn-analysis`,
  };
}

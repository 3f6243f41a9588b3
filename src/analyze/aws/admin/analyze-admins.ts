import type { Database } from '../../../db/connection.js';
import { readNamed, writeNamed } from '../../../db/transactions.js';
import { loggerFor } from '../../../logging/logger.js';
import {
  compilePolicy,
  type ActionCatalog,
  type CompiledPolicy,
  type PolicySet,
} from '../policy/index.js';
import { accountCeiling, adminStatus, type AdminStatus } from './admin-status.js';
import { PolicyCache } from './policy-cache.js';

interface StoredPolicy {
  id: string;
  document: unknown;
}

interface PrincipalRow {
  id: string;
  policies: StoredPolicy[];
  boundary: StoredPolicy | null;
  boundaryUnknown: boolean;
}

interface ScpChainRow {
  managementAccountId: string | null;
  levels: { target: string; policies: StoredPolicy[] }[];
}

export interface AdminSummary {
  readonly scope: string;
  readonly principals: number;
  readonly counts: Readonly<Record<AdminStatus, number>>;
}

const ALLOW_ALL = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** Computes and stores `isAdmin` for every IAM user and role of every loaded AWS account. */
export async function analyzeAwsAdmins(
  db: Database,
  catalog: ActionCatalog,
  analysisId: string,
): Promise<AdminSummary[]> {
  const cache = new PolicyCache(catalog);
  const allowAll: CompiledPolicy[] = [compilePolicy(ALLOW_ALL, 'cairn:allow-all', catalog)];
  const summaries: AdminSummary[] = [];
  for (const { scope, account } of await readNamed<{ scope: string; account: string }>(
    db,
    'analyze/aws-account-scopes',
  )) {
    const [chain] = await readNamed<ScpChainRow>(db, 'analyze/aws-scp-chain', { account });
    const scps = chain?.levels.length
      ? chain.levels.map((level) => compiled(cache, level.policies))
      : undefined;
    const management = chain?.managementAccountId ?? undefined;
    const ceiling = accountCeiling(catalog, account, scps, management, allowAll);
    const principals = await readNamed<PrincipalRow>(db, 'analyze/aws-principal-policies', {
      scope,
    });
    const counts: Record<AdminStatus, number> = { admin: 0, conditional: 0, 'not-admin': 0 };
    const rows = principals.map((principal) => {
      const boundary = principal.boundary ? cache.get(principal.boundary) : undefined;
      const policies: PolicySet = {
        identity: compiled(cache, principal.policies),
        ...(boundary ? { permissionsBoundary: boundary } : {}),
        ...(scps ? { scps } : {}),
        ...(management ? { managementAccountId: management } : {}),
      };
      // A boundary we cannot read could deny anything: never call that principal admin.
      const result = principal.boundaryUnknown
        ? {
            status: 'conditional' as const,
            evidence: { missing: [{ action: '*', reason: 'boundary-not-collected' }] },
          }
        : adminStatus(catalog, policies, principal.id, ceiling);
      counts[result.status] += 1;
      return {
        id: principal.id,
        isAdmin: result.status === 'admin',
        status: result.status,
        evidence: JSON.stringify(result.evidence),
      };
    });
    for (let start = 0; start < rows.length; start += 1000) {
      await writeNamed(db, 'analyze/write-admin-status', {
        rows: rows.slice(start, start + 1000),
        analysisId,
      });
    }
    summaries.push({ scope, principals: rows.length, counts });
  }
  if (cache.unusable.length) {
    loggerFor({ cloud: 'aws', analysisId }).warn(
      { policies: cache.unusable.slice(0, 20) },
      'policies that do not compile were ignored',
    );
  }
  return summaries;
}

function compiled(cache: PolicyCache, stored: readonly StoredPolicy[]): CompiledPolicy[] {
  return stored.flatMap((policy) => cache.get(policy) ?? []);
}

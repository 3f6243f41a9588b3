import type { Database } from '../../../db/connection.js';
import { writeNamed } from '../../../db/transactions.js';
import { loggerFor } from '../../../logging/logger.js';
import type { IamModel } from '../iam-model.js';
import { compilePolicy, type ActionCatalog, type CompiledPolicy } from '../policy/index.js';
import { accountCeiling, adminStatus, type AdminResult, type AdminStatus } from './admin-status.js';

export interface AdminAnalysis {
  readonly summaries: AdminSummary[];
  /** Principals whose status is `admin` (not conditional). */
  readonly admins: ReadonlySet<string>;
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
  model: IamModel,
  analysisId: string,
): Promise<AdminAnalysis> {
  const allowAll: CompiledPolicy[] = [compilePolicy(ALLOW_ALL, 'cairn:allow-all', catalog)];
  const summaries: AdminSummary[] = [];
  const admins = new Set<string>();
  for (const [account, { scope, controls }] of model.accounts) {
    const ceiling = accountCeiling(
      catalog,
      account,
      controls.scps,
      controls.managementAccountId,
      allowAll,
    );
    const counts: Record<AdminStatus, number> = { admin: 0, conditional: 0, 'not-admin': 0 };
    const rows = model.principals
      .filter((principal) => principal.account === account)
      .map((principal) => {
        // A boundary we cannot read could deny anything: never call that principal admin.
        const result: AdminResult = principal.boundaryUnknown
          ? {
              status: 'conditional',
              evidence: { missing: [{ action: '*', reason: 'boundary-not-collected' }] },
            }
          : adminStatus(catalog, principal.policies, principal.id, ceiling);
        counts[result.status] += 1;
        if (result.status === 'admin') admins.add(principal.id);
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
  if (model.cache.unusable.length) {
    loggerFor({ cloud: 'aws', analysisId }).warn(
      { policies: model.cache.unusable.slice(0, 20) },
      'policies that do not compile were ignored',
    );
  }
  return { summaries, admins };
}

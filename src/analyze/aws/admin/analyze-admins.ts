import type { Database } from '../../../db/connection.js';
import { writeNamed } from '../../../db/transactions.js';
import { loggerFor } from '../../../logging/logger.js';
import type { IamModel } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import { adminIds, adminResults } from './admin-results.js';
import type { AdminStatus } from './admin-status.js';

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

/** Computes and stores `isAdmin` for every IAM user and role of every loaded AWS account. */
export async function analyzeAwsAdmins(
  db: Database,
  catalog: ActionCatalog,
  model: IamModel,
  analysisId: string,
): Promise<AdminAnalysis> {
  const results = adminResults(catalog, model);
  const summaries: AdminSummary[] = [];
  for (const [account, { scope }] of model.accounts) {
    const counts: Record<AdminStatus, number> = { admin: 0, conditional: 0, 'not-admin': 0 };
    const rows = model.principals
      .filter((principal) => principal.account === account)
      .flatMap((principal) => {
        const result = results.get(principal.id);
        if (!result) return [];
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
  if (model.cache.unusable.length) {
    loggerFor({ cloud: 'aws', analysisId }).warn(
      { policies: model.cache.unusable.slice(0, 20) },
      'policies that do not compile were ignored',
    );
  }
  return { summaries, admins: adminIds(results) };
}

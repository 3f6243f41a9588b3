import type { Database } from '../db/connection.js';
import { loggerFor } from '../logging/logger.js';
import { analyzeDataAccess, type DataAccessSummary } from './aws/access/analyze-data-access.js';
import { analyzeAwsAdmins, type AdminSummary } from './aws/admin/analyze-admins.js';
import { analyzeCanAssume } from './aws/assume/analyze-can-assume.js';
import {
  analyzeEscalations,
  type EscalationSummary,
} from './aws/escalation/analyze-escalations.js';
import { loadIamModel } from './aws/iam-model.js';
import {
  analyzeReachability,
  type ReachabilitySummary,
} from './aws/network/analyze-reachability.js';
import { loadAwsActionCatalog } from './aws/policy/index.js';
import {
  analyzeAttackPaths,
  type AttackPathOptions,
  type AttackPathSummary,
} from '../paths/attack/analyze-attack-paths.js';
import { loadRuleCatalog } from '../rules/catalog/rule-catalog.js';
import { runPosture, type PostureOptions, type PostureSummary } from '../rules/run-posture.js';

export interface AnalysisOptions {
  /** The rules stage: its catalog and suppressions file, or false to derive edges only. */
  readonly posture?: PostureOptions | false;
  /** The attack-path stage's settings, or false to skip it. */
  readonly attackPaths?: AttackPathOptions | false;
}

export interface AnalysisResult {
  readonly analysisId: string;
  readonly awsAdmins: readonly AdminSummary[];
  readonly canAssume: { readonly edges: number; readonly conditional: number };
  readonly escalations: EscalationSummary;
  readonly reachability: ReachabilitySummary;
  readonly dataAccess: DataAccessSummary;
  /** Absent when the attack-path stage was skipped. */
  readonly attackPaths?: AttackPathSummary;
  /** Absent when the rules stage was not asked for. */
  readonly posture?: PostureSummary;
}

/** `cairn analyze`: every analysis stage over what is loaded, under one analysis id. */
export async function runAnalysis(
  db: Database,
  now: Date = new Date(),
  options: AnalysisOptions = {},
): Promise<AnalysisResult> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d+)Z$/, '$1Z');
  // The wall clock (fixed-width base 36) keeps ids unique and in order when analyses share
  // `now`: a repeated id would keep the previous analysis's edges as if they were this one's.
  const analysisId = `analysis-${stamp}-${Date.now().toString(36).padStart(9, '0')}`;
  const log = loggerFor({ analysisId });
  // Each stage's duration, so a slow analysis says where its time went.
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    log.info({ stage, ms: Math.round(performance.now() - start) }, 'analysis stage done');
    return result;
  };
  const catalog = await loadAwsActionCatalog();
  const model = await timed('aws-iam-model', () => loadIamModel(db, catalog));
  const { summaries: awsAdmins, admins } = await timed('aws-admins', () =>
    analyzeAwsAdmins(db, catalog, model, analysisId),
  );
  const { derived, ...canAssume } = await timed('aws-can-assume', () =>
    analyzeCanAssume(db, model, admins, analysisId),
  );
  const escalations = await timed('aws-escalations', () =>
    analyzeEscalations(db, catalog, model, derived, admins, analysisId),
  );
  const reachability = await timed('aws-reachability', () =>
    analyzeReachability(db, analysisId, now.toISOString()),
  );
  const dataAccess = await timed('aws-data-access', () =>
    analyzeDataAccess(db, catalog, model, admins, analysisId, now.toISOString()),
  );
  const attackPaths =
    options.attackPaths === false
      ? undefined
      : await timed('attack-paths', () =>
          analyzeAttackPaths(db, analysisId, now.toISOString(), options.attackPaths || {}),
        );
  const postureOptions =
    options.posture === false
      ? undefined
      : (options.posture ?? { catalog: await loadRuleCatalog() });
  const posture = postureOptions
    ? await timed('rules', () => runPosture(db, analysisId, now.toISOString(), postureOptions))
    : undefined;
  return {
    analysisId,
    awsAdmins,
    canAssume,
    escalations,
    reachability,
    dataAccess,
    ...(attackPaths ? { attackPaths } : {}),
    ...(posture ? { posture } : {}),
  };
}

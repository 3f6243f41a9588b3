import type { Database } from '../db/connection.js';
import { analyzeAwsAdmins, type AdminSummary } from './aws/admin/analyze-admins.js';
import { analyzeCanAssume } from './aws/assume/analyze-can-assume.js';
import {
  analyzeEscalations,
  type EscalationSummary,
} from './aws/escalation/analyze-escalations.js';
import { loadIamModel } from './aws/iam-model.js';
import { loadAwsActionCatalog } from './aws/policy/index.js';

export interface AnalysisResult {
  readonly analysisId: string;
  readonly awsAdmins: readonly AdminSummary[];
  readonly canAssume: { readonly edges: number; readonly conditional: number };
  readonly escalations: EscalationSummary;
}

/** `cairn analyze`: every analysis stage over what is loaded, under one analysis id. */
export async function runAnalysis(db: Database, now: Date = new Date()): Promise<AnalysisResult> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d+)Z$/, '$1Z');
  const analysisId = `analysis-${stamp}`;
  const catalog = await loadAwsActionCatalog();
  const model = await loadIamModel(db, catalog);
  const awsAdmins = await analyzeAwsAdmins(db, catalog, model, analysisId);
  const { derived, ...canAssume } = await analyzeCanAssume(db, model, analysisId);
  const escalations = await analyzeEscalations(db, catalog, model, derived, analysisId);
  return { analysisId, awsAdmins, canAssume, escalations };
}

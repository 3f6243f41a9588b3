import type { Database } from '../db/connection.js';
import { loadAwsActionCatalog } from './aws/policy/index.js';
import { analyzeAwsAdmins, type AdminSummary } from './aws/admin/analyze-admins.js';

export interface AnalysisResult {
  readonly analysisId: string;
  readonly awsAdmins: readonly AdminSummary[];
}

/** `cairn analyze`: every analysis stage over what is loaded, under one analysis id. */
export async function runAnalysis(db: Database, now: Date = new Date()): Promise<AnalysisResult> {
  const analysisId = `analysis-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
  const catalog = await loadAwsActionCatalog();
  const awsAdmins = await analyzeAwsAdmins(db, catalog, analysisId);
  return { analysisId, awsAdmins };
}

import type { Database } from '../db/connection.js';
import type { RuleCatalog } from '../rules/catalog/rule-catalog.js';
import { findingPages } from './finding-rows.js';

/**
 * Per control of a framework: how many distinct resources fail it now (open, unsuppressed
 * findings of any of its rules). Distinct, so a resource two rules of one control fail counts once.
 */
export async function failingResourcesByControl(
  db: Database,
  catalog: RuleCatalog,
  frameworkId: string,
  now: string,
): Promise<Map<string, number>> {
  const byRule = new Map<string, Set<string>>();
  const filter = { framework: frameworkId, statuses: ['OPEN' as const] };
  for await (const page of findingPages(db, catalog, filter, now)) {
    for (const f of page) {
      const resources = byRule.get(f.ruleId) ?? new Set<string>();
      resources.add(f.resource);
      byRule.set(f.ruleId, resources);
    }
  }
  const counts = new Map<string, number>();
  for (const [control, ruleIds] of catalog.controlRules.get(frameworkId) ?? []) {
    const resources = new Set<string>();
    for (const ruleId of ruleIds) byRule.get(ruleId)?.forEach((r) => resources.add(r));
    counts.set(control, resources.size);
  }
  return counts;
}

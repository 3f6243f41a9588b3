import type { RuleCatalog } from '../rules/catalog/rule-catalog.js';
import type { Rule } from '../rules/catalog/rule-schema.js';
import { controlsByRule, type ControlRef } from './rule-controls.js';

/** What every finding format looks up besides the finding itself. */
export interface ExportContext {
  /** A finding's rule; absent when its file no longer loads (the finding is still exported). */
  readonly rules: ReadonlyMap<string, Rule>;
  readonly controls: ReadonlyMap<string, readonly ControlRef[]>;
  /** The export's clock (ISO): statuses and suppression expiry are judged at this instant. */
  readonly now: string;
}

export function exportContext(catalog: RuleCatalog, now: string): ExportContext {
  return {
    rules: new Map(catalog.rules.map((rule) => [rule.id, rule])),
    controls: controlsByRule(catalog),
    now,
  };
}

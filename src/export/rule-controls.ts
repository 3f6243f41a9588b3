import type { RuleCatalog } from '../rules/catalog/rule-catalog.js';

/** One framework control a rule serves. */
export interface ControlRef {
  readonly framework: string;
  readonly control: string;
}

/** rule id -> the framework controls it serves (both mapping directions), in framework order. */
export function controlsByRule(catalog: RuleCatalog): ReadonlyMap<string, readonly ControlRef[]> {
  const byRule = new Map<string, ControlRef[]>();
  for (const [framework, controls] of catalog.controlRules) {
    for (const [control, ruleIds] of controls) {
      for (const ruleId of ruleIds) {
        const list = byRule.get(ruleId) ?? [];
        list.push({ framework, control });
        byRule.set(ruleId, list);
      }
    }
  }
  return byRule;
}

/** `framework:control` labels, the form CSV cells and OCSF requirement strings use. */
export function controlLabels(controls: readonly ControlRef[]): string[] {
  return controls.map((c) => `${c.framework}:${c.control}`);
}

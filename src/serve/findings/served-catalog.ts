import { loadRuleCatalog, type RuleCatalog } from '../../rules/catalog/rule-catalog.js';
import { ControlRef, PostureRule } from './rule.type.js';

export interface ServedCatalog {
  readonly catalog: RuleCatalog;
  readonly rules: ReadonlyMap<string, PostureRule>;
}

let served: Promise<ServedCatalog> | undefined;

/** The rule catalog the API answers from: loaded once per process, with each rule's controls. */
export function servedCatalog(): Promise<ServedCatalog> {
  served ??= loadRuleCatalog().then((catalog) => {
    const controls = new Map<string, ControlRef[]>();
    for (const [framework, byControl] of catalog.controlRules) {
      for (const [control, ruleIds] of byControl) {
        for (const id of ruleIds) {
          const list = controls.get(id) ?? [];
          list.push(Object.assign(new ControlRef(), { framework, control }));
          controls.set(id, list);
        }
      }
    }
    return {
      catalog,
      rules: new Map(
        catalog.rules.map((rule) => [rule.id, PostureRule.from(rule, controls.get(rule.id) ?? [])]),
      ),
    };
  });
  return served;
}

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../config/paths.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { CatalogProblem } from './catalog-problem.js';
import type { Framework } from './framework-schema.js';
import { idMatcher } from './id-glob.js';
import { loadFrameworks } from './load-frameworks.js';
import { loadRules } from './load-rules.js';
import type { Rule } from './rule-schema.js';

export interface RuleCatalog {
  readonly rules: readonly Rule[];
  readonly frameworks: readonly Framework[];
  /** Files (or references in them) that were not used, each naming file and field. */
  readonly problems: readonly CatalogProblem[];
  /** framework id -> control id -> the rule ids that decide it (both mapping directions). */
  readonly controlRules: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

/**
 * The rules directory: the package's `rules/` unless CAIRN_RULES_DIR names another (a team's own
 * rules). Rule queries live beside it, in `../cypher/rules/`.
 */
export function defaultRulesDir(): string {
  return path.resolve(process.env['CAIRN_RULES_DIR'] ?? path.join(packageRoot, 'rules'));
}

/** Loads every rule and framework; a broken file is reported and skipped, never fatal. */
export async function loadRuleCatalog(rulesDir: string = defaultRulesDir()): Promise<RuleCatalog> {
  const info = await stat(rulesDir).catch(() => undefined);
  // A mistyped directory would otherwise run no rules at all and report nothing.
  if (!info?.isDirectory()) throw new BadInputError(`${rulesDir}: no rules directory there`);
  const base = path.dirname(rulesDir);
  const display = (file: string): string => path.relative(base, file);
  const loadedFrameworks = await loadFrameworks(rulesDir, display);
  const loadedRules = await loadRules({
    rulesDir,
    cypherDir: path.join(base, 'cypher', 'rules'),
    frameworks: loadedFrameworks.frameworks,
    frameworkFiles: loadedFrameworks.attempted,
    display,
  });
  const problems = [...loadedFrameworks.problems, ...loadedRules.problems];
  const controlRules = mapControls(
    loadedFrameworks.frameworks,
    loadedRules.rules,
    loadedRules.files,
    problems,
  );
  return {
    rules: loadedRules.rules,
    frameworks: loadedFrameworks.frameworks,
    problems,
    controlRules,
  };
}

function mapControls(
  frameworks: readonly Framework[],
  rules: readonly Rule[],
  ruleFiles: ReadonlySet<string>,
  problems: CatalogProblem[],
): Map<string, Map<string, string[]>> {
  const all = new Map<string, Map<string, string[]>>();
  for (const framework of frameworks) {
    const byControl = new Map<string, string[]>();
    framework.controls.forEach((control, index) => {
      const ids = new Set<string>();
      for (const rule of rules) {
        if (rule.frameworks[framework.id]?.includes(control.id)) ids.add(rule.id);
      }
      control.rules.forEach((pattern, at) => {
        const matches = idMatcher(pattern);
        const found = rules.filter((rule) => matches(rule.id));
        found.forEach((rule) => ids.add(rule.id));
        // A rule whose own file was rejected is already reported; do not blame the framework too.
        if (found.length === 0 && ![...ruleFiles].some(matches)) {
          problems.push({
            file: framework.file,
            message: `field "controls.${index}.rules.${at}": no rule matches "${pattern}"`,
          });
        }
      });
      byControl.set(control.id, [...ids].sort());
    });
    all.set(framework.id, byControl);
  }
  return all;
}

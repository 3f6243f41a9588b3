import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_LABEL, labelsOf } from '../../model/define-node.js';
import { nodeModels } from '../../model/registry.js';
import { describeIssue } from '../../records/describe-issue.js';
import { EVALUATORS } from '../evaluators/index.js';
import type { CatalogProblem } from './catalog-problem.js';
import type { Framework } from './framework-schema.js';
import { yamlNames } from './load-frameworks.js';
import { readYamlFile } from './read-yaml-file.js';
import { ruleFileSchema, type Rule, type RuleFile } from './rule-schema.js';

/** Model labels and the labels they share (`Principal`, `DataStore`): what a rule may judge. */
const GRAPH_LABELS: ReadonlySet<string> = new Set(
  [...nodeModels.values()].flatMap((model) => labelsOf(model).filter((l) => l !== ENTITY_LABEL)),
);

interface RuleSources {
  readonly rulesDir: string;
  readonly cypherDir: string;
  readonly frameworks: readonly Framework[];
  /** Framework ids that have a file, even an invalid one. */
  readonly frameworkFiles: ReadonlySet<string>;
  readonly display: (file: string) => string;
}

/** Every valid rule under `<rulesDir>/<cloud>/`, and a problem naming file and field for each other. */
export async function loadRules(
  sources: RuleSources,
): Promise<{ rules: Rule[]; files: Set<string>; problems: CatalogProblem[] }> {
  const rules: Rule[] = [];
  const problems: CatalogProblem[] = [];
  const files = new Set<string>();
  const clouds = (await readdir(sources.rulesDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && entry.name !== 'frameworks')
    .map((entry) => entry.name)
    .sort();
  const seen = new Map<string, string>();
  for (const cloud of clouds) {
    for (const name of await yamlNames(path.join(sources.rulesDir, cloud))) {
      const file = path.join(sources.rulesDir, cloud, name);
      const shown = sources.display(file);
      files.add(name.replace(/\.ya?ml$/, ''));
      const result = await loadRule(file, cloud, sources);
      if (typeof result === 'string') {
        problems.push({ file: shown, message: result });
        continue;
      }
      const earlier = seen.get(result.id);
      if (earlier) {
        problems.push({ file: shown, message: `field "id": "${result.id}" is also ${earlier}` });
        continue;
      }
      seen.set(result.id, shown);
      rules.push(result);
    }
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  return { rules, files, problems };
}

/** One rule, or the one-line reason it cannot be used. */
async function loadRule(file: string, cloud: string, sources: RuleSources): Promise<Rule | string> {
  const read = await readYamlFile(file);
  if (!read.ok) return read.reason;
  const parsed = ruleFileSchema.safeParse(read.value);
  if (!parsed.success) return describeIssue(parsed.error.issues[0]!);
  const rule = parsed.data;
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (rule.id !== expected)
    return `field "id": "${rule.id}" must equal the file name "${expected}"`;
  if (!GRAPH_LABELS.has(rule.resourceType)) {
    return `field "resourceType": "${rule.resourceType}" is not a graph label (schema/graph.md)`;
  }
  if (rule.check.evaluator && !EVALUATORS.has(rule.check.evaluator)) {
    return `field "check.evaluator": no evaluator named "${rule.check.evaluator}"`;
  }
  const mappingProblem = checkMappings(rule, sources);
  if (mappingProblem) return mappingProblem;
  const queryFile = path.join(sources.cypherDir, rule.check.cypher);
  const query = await readFile(queryFile, 'utf8').catch(() => undefined);
  if (query === undefined) {
    return `field "check.cypher": ${sources.display(queryFile)} cannot be read`;
  }
  if (!query.replace(/\/\/.*$/gm, '').trim()) {
    return `field "check.cypher": ${sources.display(queryFile)} holds no query`;
  }
  return { ...rule, cloud, file: sources.display(file), query };
}

/** Every framework and control a rule names must exist (unless that framework's file is itself broken). */
function checkMappings(rule: RuleFile, sources: RuleSources): string | undefined {
  for (const [frameworkId, controls] of Object.entries(rule.frameworks)) {
    const framework = sources.frameworks.find((f) => f.id === frameworkId);
    if (!framework) {
      if (sources.frameworkFiles.has(frameworkId)) continue;
      return `field "frameworks.${frameworkId}": no framework file rules/frameworks/${frameworkId}.yaml`;
    }
    const known = new Set(framework.controls.map((c) => c.id));
    const index = controls.findIndex((control) => !known.has(control));
    if (index >= 0) {
      return `field "frameworks.${frameworkId}.${index}": ${frameworkId} has no control "${controls[index] ?? ''}"`;
    }
  }
  return undefined;
}

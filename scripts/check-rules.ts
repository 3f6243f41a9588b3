// Validates every rule and framework file and prints each problem with the file and field named.
// Usage: npx tsx scripts/check-rules.ts [rules-dir]   (exit 2 when something was rejected)
import { problemLine } from '../src/rules/catalog/catalog-problem.js';
import { defaultRulesDir, loadRuleCatalog } from '../src/rules/catalog/rule-catalog.js';

const catalog = await loadRuleCatalog(process.argv[2] ?? defaultRulesDir());
for (const problem of catalog.problems) process.stderr.write(`${problemLine(problem)}\n`);
const mapped = [...catalog.controlRules.values()].map(
  (controls) => [...controls.values()].filter((ids) => ids.length > 0).length,
);
process.stdout.write(
  `${catalog.rules.length} rules, ${catalog.frameworks.length} frameworks (${catalog.frameworks
    .map((f, i) => `${f.id}: ${mapped[i] ?? 0}/${f.controls.length} controls with rules`)
    .join(', ')}), ${catalog.problems.length} problems\n`,
);
process.exitCode = catalog.problems.length > 0 ? 2 : 0;

// Writes docs/rules/catalog.md from the rule and framework files (run by `npm run schema:emit`).
import { writeFileSync } from 'node:fs';
import { loadRuleCatalog } from '../src/rules/catalog/rule-catalog.js';
import { renderRulesDoc } from '../src/rules/catalog/render-rules-doc.js';

writeFileSync(
  new URL('../docs/rules/catalog.md', import.meta.url),
  renderRulesDoc(await loadRuleCatalog()),
);
console.log('wrote docs/rules/catalog.md');

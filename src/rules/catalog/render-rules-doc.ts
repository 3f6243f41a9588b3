import type { RuleCatalog } from './rule-catalog.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** docs/rules/catalog.md: every rule and every framework's coverage, generated from the files. */
export function renderRulesDoc(catalog: RuleCatalog): string {
  const lines = [
    '# Rule catalog',
    '',
    'Generated from `rules/` by `npm run schema:emit`; do not edit by hand. The format of the files',
    'is in [format.md](format.md).',
    '',
    '## Frameworks',
    '',
    '| framework | name | controls | with rules | manual |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const framework of catalog.frameworks) {
    const mapped = catalog.controlRules.get(framework.id);
    const withRules = framework.controls.filter((c) => (mapped?.get(c.id) ?? []).length > 0);
    const manual = framework.controls.filter((c) => c.assessment === 'manual');
    lines.push(
      `| \`${framework.id}\` | ${cell(framework.name)} ${cell(framework.version)} | ${framework.controls.length} | ${withRules.length} | ${manual.length} |`,
    );
  }
  lines.push(
    '',
    '## Rules',
    '',
    '| rule | severity | judges | title | CIS AWS 3.0.0 | CIS AWS 5.0.0 |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const rule of catalog.rules) {
    const cis = (id: string): string =>
      (catalog.controlRules.get(id) ? [...catalog.controlRules.get(id)!.entries()] : [])
        .filter(([, rules]) => rules.includes(rule.id))
        .map(([control]) => control)
        .join(', ');
    const tag = rule.categories.includes('attack-path') ? ' (attack path)' : '';
    lines.push(
      `| \`${rule.id}\` | ${rule.severity} | \`${rule.resourceType}\` | ${cell(rule.title)}${tag} | ${cis('cis-aws-3.0.0')} | ${cis('cis-aws-5.0.0')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

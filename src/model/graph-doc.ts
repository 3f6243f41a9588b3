import { labelsOf } from './define-node.js';
import type { RelModel } from './define-rel.js';
import { bookkeepingProperties } from './models/common-properties.js';
import { DERIVED_RELS } from './derived-registry.js';
import { nodeModels, relModels } from './registry.js';

/** The graph model as Markdown, for `schema/graph.md`; a test fails when the file drifts. */
export function renderGraphDoc(): string {
  const lines: string[] = [
    '# Cairn graph model',
    '',
    'Generated from `src/model` by `npm run schema:emit`; do not edit by hand.',
    '',
    '## Properties on every entity',
    '',
    'Every loaded node has the label `Entity` and these properties, written by the loader:',
    '',
    '| property | type | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(bookkeepingProperties).map(
      ([name, spec]) => `| \`${name}\` | ${spec.type} | ${spec.description} |`,
    ),
    '',
    'Every relationship a load writes has `scope`, `scanId`, `firstSeen` and `lastSeen`.',
    '',
    '## Nodes',
    '',
  ];
  for (const model of [...nodeModels.values()].sort((a, b) => a.label.localeCompare(b.label))) {
    lines.push(`### ${model.label}`, '', model.description, '');
    lines.push(
      `- labels: ${labelsOf(model)
        .map((l) => `\`${l}\``)
        .join(', ')}`,
    );
    lines.push(`- provider: \`${model.provider}\``);
    lines.push(`- \`id\`: ${model.idDescription}`);
    if (model.sharedScope)
      lines.push(`- shared scope: \`${model.sharedScope}\` (no account owns it)`);
    lines.push(
      '',
      '| property | type | required | indexed | meaning |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const [name, spec] of Object.entries(model.properties)) {
      lines.push(
        `| \`${name}\` | ${spec.type} | ${spec.required ? 'yes' : ''} | ${spec.indexed ? 'yes' : ''} | ${spec.description} |`,
      );
    }
    lines.push('');
  }
  const sections: [string, readonly RelModel[]][] = [
    ['Relationships', [...relModels.values()]],
    ['Derived relationships (written by `cairn analyze`)', DERIVED_RELS],
  ];
  for (const [title, models] of sections) {
    lines.push(`## ${title}`, '');
    for (const model of [...models].sort((a, b) => a.type.localeCompare(b.type))) {
      lines.push(`### ${model.type}`, '', model.description, '');
      lines.push(`- from: ${model.from.map((l) => `\`${l}\``).join(', ')}`);
      lines.push(`- to: ${model.to.map((l) => `\`${l}\``).join(', ')}`);
      if (model.key) lines.push(`- key: \`${model.key}\` (parallel relationships allowed)`);
      const props = Object.entries(model.properties);
      if (props.length) {
        lines.push('', '| property | type | required | meaning |', '| --- | --- | --- | --- |');
        for (const [name, spec] of props) {
          lines.push(
            `| \`${name}\` | ${spec.type} | ${spec.required ? 'yes' : ''} | ${spec.description} |`,
          );
        }
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

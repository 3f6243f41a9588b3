import { Command } from 'commander';
import { importFormats } from '../../collectors/import-formats.js';
import { openGraph } from '../../db/open-graph.js';
import { BadInputError, UsageError } from '../../errors/cairn-error.js';
import { loadScope, type LoadResult } from '../../load/load-scope.js';
import { scopeKey } from '../../records/scope-ref.js';
import { terminalProgress } from '../terminal-progress.js';
import { runAction } from '../run-action.js';

export function importCommand(): Command {
  const formats = [...importFormats.values()];
  return new Command('import')
    .description(
      'load standard dumps into the graph; every file is validated before anything is written',
    )
    .argument('<format>', `input format: ${formats.map((f) => f.name).join(', ')}`)
    .argument('<file-or-dir...>', 'the files (or directories of files) to import')
    .option('--json', 'print the load results as JSON')
    .addHelpText(
      'after',
      `\nFormats:\n${formats.map((f) => `  ${f.name.padEnd(12)} ${f.description}`).join('\n')}\n`,
    )
    .action(
      runAction(async (formatName: string, paths: string[], options: { json?: boolean }) => {
        const format = importFormats.get(formatName);
        if (!format) {
          throw new UsageError(
            `unknown import format "${formatName}"; known formats: ${formats.map((f) => f.name).join(', ')}`,
          );
        }
        const scopes = await format.read(paths);
        rejectDuplicateScopes(scopes.map((records) => scopeKey(records.scope)));
        const db = await openGraph();
        try {
          const results: LoadResult[] = [];
          for (const records of scopes) {
            results.push(
              await loadScope(db, records, {
                source: `import ${formatName}`,
                onProgress: terminalProgress(scopeKey(records.scope)),
              }),
            );
          }
          printResults(results, Boolean(options.json));
        } finally {
          await db.close();
        }
      }),
    );
}

function rejectDuplicateScopes(keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new BadInputError(`scope ${key} appears in more than one input`);
    seen.add(key);
  }
}

function printResults(results: LoadResult[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    process.stdout.write(
      `${r.scope}: loaded ${r.nodes} nodes and ${r.relationships} relationships as ${r.scanId}` +
        ` (removed ${r.deletedNodes} stale nodes, ${r.deletedRels} stale relationships)\n`,
    );
  }
}

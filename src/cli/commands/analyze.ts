import { Command } from 'commander';
import path from 'node:path';
import { runAnalysis } from '../../analyze/run-analysis.js';
import { openGraph } from '../../db/open-graph.js';
import { readPathSettings } from '../../paths/attack/read-path-settings.js';
import { problemLine } from '../../rules/catalog/catalog-problem.js';
import { defaultRulesDir, loadRuleCatalog } from '../../rules/catalog/rule-catalog.js';
import { readSuppressionFile } from '../../rules/suppressions/read-suppression-file.js';
import { printAnalysis } from '../print-analysis.js';
import { runAction } from '../run-action.js';

interface AnalyzeOptions {
  json?: boolean;
  suppressions?: string;
  rules?: string;
  pathsConfig?: string;
}

/** Recomputes everything derived from what is loaded, then runs the posture rules. */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('recompute derived edges, rule findings and attack paths for what is loaded')
    .option('--json', 'print the analysis summary as JSON')
    .option(
      '--suppressions <file>',
      'the reviewed suppressions YAML file; its entries replace the ones loaded before',
    )
    .option('--rules <dir>', 'a rules directory to use instead of the built-in one')
    .option(
      '--paths-config <file>',
      'attack-path settings (YAML or JSON): risk model, search, entry points, crown jewels',
      process.env['CAIRN_PATHS_CONFIG'],
    )
    .action(
      runAction(async (options: AnalyzeOptions) => {
        const now = new Date();
        // Every input is read before the graph is touched: a bad file changes nothing.
        const settings = await readPathSettings(options.pathsConfig);
        const fileSuppressions = options.suppressions
          ? await readSuppressionFile(options.suppressions, now.toISOString())
          : undefined;
        const catalog = await loadRuleCatalog(
          options.rules ? path.resolve(options.rules) : defaultRulesDir(),
        );
        const db = await openGraph();
        try {
          const result = await runAnalysis(db, now, {
            posture: { catalog, ...(fileSuppressions ? { fileSuppressions } : {}) },
            attackPaths: { settings },
          });
          if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else printAnalysis(result);
        } finally {
          await db.close();
        }
        // The valid rules ran; a rejected rule or framework file is still bad input to report.
        for (const problem of catalog.problems) {
          process.stderr.write(`cairn: rejected ${problemLine(problem)}\n`);
        }
        if (catalog.problems.length > 0) process.exitCode = 2;
      }),
    );
}

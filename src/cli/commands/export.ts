import { Command } from 'commander';
import path from 'node:path';
import type { Database } from '../../db/connection.js';
import { openGraph } from '../../db/open-graph.js';
import { complianceCsv, complianceDocument } from '../../export/compliance-export.js';
import { exportContext } from '../../export/export-context.js';
import { oneOf } from '../../export/export-options.js';
import { failingResourcesByControl } from '../../export/failing-resources.js';
import { findingFilterOf, findingPages, knownFramework } from '../../export/finding-rows.js';
import { FINDING_FORMATS, findingsOutput } from '../../export/findings-output.js';
import { openOutput, writeAll } from '../../export/write-output.js';
import {
  defaultRulesDir,
  loadRuleCatalog,
  type RuleCatalog,
} from '../../rules/catalog/rule-catalog.js';
import { readCompliance } from '../../rules/compliance/read-compliance.js';
import { runAction } from '../run-action.js';

const COMPLIANCE_FORMATS = ['csv', 'json'] as const;

interface CommonOptions {
  format: string;
  out?: string;
  rules?: string;
}

interface FindingsOptions extends CommonOptions {
  status?: string;
  severity?: string;
  framework?: string;
}

interface ComplianceOptions extends CommonOptions {
  framework: string;
}

/** `cairn export findings|compliance`: the stored findings and compliance views as files. */
export function exportCommand(): Command {
  const command = new Command('export').description(
    'write findings (OCSF, CSV, JSON) or a compliance view (CSV, JSON) to stdout or a file',
  );
  command.addCommand(
    withCommonOptions(new Command('findings'), FINDING_FORMATS)
      .description('every finding as it stands now, highest priority first')
      .option(
        '--status <list>',
        'only these statuses: OPEN, SUPPRESSED, RESOLVED (comma-separated)',
      )
      .option('--severity <list>', 'only these severities: critical, high, medium, low, info')
      .option('--framework <id>', 'only findings of rules mapped to this framework')
      .action(
        runAction(async (options: FindingsOptions) => {
          const format = oneOf('--format', options.format, FINDING_FORMATS);
          const catalog = await catalogOf(options);
          const filter = findingFilterOf(options, catalog);
          const now = new Date().toISOString();
          const context = exportContext(catalog, now);
          // Every input is checked before the output is opened and the database touched.
          const sink = await openOutput(options.out);
          await writeAll(
            sink,
            withGraph((db) =>
              findingsOutput(format, findingPages(db, catalog, filter, now), context),
            ),
          );
        }),
      )
      .exitOverride(),
  );
  command.addCommand(
    withCommonOptions(new Command('compliance'), COMPLIANCE_FORMATS)
      .description("a framework's compliance view: each control's status, counts and rules")
      .requiredOption('--framework <id>', 'the framework, e.g. cis-aws-5.0.0')
      .action(
        runAction(async (options: ComplianceOptions) => {
          const format = oneOf('--format', options.format, COMPLIANCE_FORMATS);
          const catalog = await catalogOf(options);
          knownFramework(catalog, options.framework);
          const now = new Date().toISOString();
          const sink = await openOutput(options.out);
          await writeAll(
            sink,
            withGraph(async function* (db) {
              const report = await readCompliance(db, catalog, options.framework, now);
              const failing = await failingResourcesByControl(db, catalog, options.framework, now);
              yield format === 'csv'
                ? complianceCsv(report, failing)
                : `${JSON.stringify(complianceDocument(report, failing, now), null, 2)}\n`;
            }),
          );
        }),
      )
      .exitOverride(),
  );
  return command;
}

function withCommonOptions(command: Command, formats: readonly string[]): Command {
  return command
    .requiredOption('--format <format>', `one of ${formats.join(', ')}`)
    .option('--out <file>', 'write to this file (replaced only once complete) instead of stdout')
    .option('--rules <dir>', 'a rules directory to use instead of the built-in one');
}

function catalogOf(options: CommonOptions): Promise<RuleCatalog> {
  return loadRuleCatalog(options.rules ? path.resolve(options.rules) : defaultRulesDir());
}

/** The chunks `produce` yields with the graph open, closing it however the export ends. */
async function* withGraph(
  produce: (db: Database) => AsyncIterable<string>,
): AsyncGenerator<string> {
  const db = await openGraph();
  try {
    yield* produce(db);
  } finally {
    await db.close();
  }
}

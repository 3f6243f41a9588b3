import { Command } from 'commander';
import path from 'node:path';
import type { Database } from '../../db/connection.js';
import { openGraph } from '../../db/open-graph.js';
import { complianceCsv, complianceDocument } from '../../export/compliance-export.js';
import { exportContext } from '../../export/export-context.js';
import { oneOf } from '../../export/export-options.js';
import { riskExportOptions } from '../../export/risk/risk-options.js';
import { riskOutput } from '../../export/risk/risk-output.js';
import { riskSource } from '../../export/risk/risk-source.js';
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
import { MAX_RUNS_LISTED, readExportRuns } from '../../schedule/export-run-store.js';
import { exportRunsTable } from '../../schedule/export-runs-table.js';
import { graphRunDeps } from '../../schedule/graph-export-runs.js';
import { runExportSchedule } from '../../schedule/run-export-schedule.js';
import { loadServerConfig, scheduleNamed } from '../../schedule/schedule-config.js';
import { BadInputError, UsageError } from '../../errors/cairn-error.js';
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

interface RiskOptions {
  format?: string;
  level?: string;
  out?: string;
  schedule?: string;
  config?: string;
}

/** `cairn export findings|compliance`: the stored findings and compliance views as files. */
export function exportCommand(): Command {
  const command = new Command('export').description(
    'write findings (OCSF, CSV, JSON), a compliance view (CSV, JSON) or attack-path risk (CSV, JSON, NDJSON) to stdout or a file',
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
  command.addCommand(riskCommand());
  command.addCommand(runsCommand());
  return command;
}

/** `cairn export risk`: the latest analysis's attack-path risk, or one configured schedule run now. */
function riskCommand(): Command {
  return new Command('risk')
    .description(
      'attack-path risk per path, asset and account, with what changed since the previous analysis',
    )
    .option('--format <format>', 'one of csv, json, ndjson')
    .option('--level <level>', 'path, asset or account (csv: path by default; json, ndjson: all)')
    .option('--out <file>', 'write to this file (replaced only once complete) instead of stdout')
    .option('--schedule <name>', 'run this export of --config now, with its retries, and record it')
    .option('--config <file>', 'the server configuration (YAML or JSON) that defines --schedule')
    .action(
      runAction(async (options: RiskOptions) => {
        if (options.schedule !== undefined) {
          await runScheduleNow(options);
          return;
        }
        if (options.config !== undefined) throw new UsageError('--config is used with --schedule');
        const exportOptions = riskExportOptions(options.format, options.level);
        const now = new Date().toISOString();
        const sink = await openOutput(options.out);
        await writeAll(
          sink,
          withGraph(async function* (db) {
            yield* riskOutput(exportOptions, await riskSource(db), now);
          }),
        );
      }),
    )
    .exitOverride();
}

/** Runs one schedule as the server would: exit 0 when it succeeded, 1 when it failed. */
async function runScheduleNow(options: RiskOptions): Promise<void> {
  if (options.config === undefined) throw new UsageError('--schedule needs --config <file>');
  if (options.format !== undefined || options.level !== undefined || options.out !== undefined) {
    throw new UsageError('--schedule takes its format, level and destinations from --config');
  }
  const schedule = scheduleNamed(
    await loadServerConfig(options.config),
    options.schedule ?? '',
    options.config,
  );
  const db = await openGraph();
  try {
    const run = await runExportSchedule(schedule, graphRunDeps(db));
    const where = run.destinations.join(' ') || 'nowhere';
    if (run.status === 'SUCCEEDED') {
      process.stdout.write(
        `${schedule.name}: ${run.status} after ${run.attempts} attempt(s): ${where}\n`,
      );
    } else {
      process.stderr.write(
        `cairn: ${schedule.name}: ${run.status} after ${run.attempts} attempt(s): ${run.error ?? 'unknown error'}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

/** `cairn export runs`: the recorded runs of scheduled exports, newest first. */
function runsCommand(): Command {
  return new Command('runs')
    .description('the recorded runs of scheduled exports, newest first')
    .option('--schedule <name>', 'only the runs of this schedule')
    .option('--limit <n>', `at most this many runs (1-${MAX_RUNS_LISTED})`, '50')
    .action(
      runAction(async (options: { schedule?: string; limit: string }) => {
        const limit = Number(options.limit);
        if (!/^\d+$/.test(options.limit) || limit < 1 || limit > MAX_RUNS_LISTED) {
          throw new BadInputError(`--limit: expected a whole number from 1 to ${MAX_RUNS_LISTED}`);
        }
        const db = await openGraph();
        try {
          const runs = await readExportRuns(db, {
            limit,
            ...(options.schedule !== undefined ? { schedule: options.schedule } : {}),
          });
          process.stdout.write(exportRunsTable(runs));
        } finally {
          await db.close();
        }
      }),
    )
    .exitOverride();
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

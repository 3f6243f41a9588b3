import type { Database } from '../db/connection.js';
import { riskExportOptions } from '../export/risk/risk-options.js';
import { riskOutput } from '../export/risk/risk-output.js';
import { riskSource } from '../export/risk/risk-source.js';
import { loggerFor } from '../logging/logger.js';
import { graphRunStore } from './export-run-store.js';
import { recordSkipped, runExportSchedule, type ScheduleRunDeps } from './run-export-schedule.js';
import type { ExportSchedule } from './schedule-config.js';
import { startScheduler, systemClock, type Scheduler, type SchedulerClock } from './scheduler.js';

/** A schedule's export, read from the graph at the moment it runs. */
export async function* scheduledRiskExport(
  db: Database,
  schedule: ExportSchedule,
  now: () => Date,
): AsyncGenerator<string> {
  const options = riskExportOptions(schedule.format, schedule.level);
  yield* riskOutput(options, await riskSource(db), now().toISOString());
}

/** What a run against the graph needs: its export, the run store and the scheduler's log. */
export function graphRunDeps(
  db: Database,
  overrides: Partial<ScheduleRunDeps> = {},
): ScheduleRunDeps {
  const now = overrides.now ?? (() => new Date());
  return {
    produce: (schedule) => scheduledRiskExport(db, schedule, now),
    store: graphRunStore(db),
    log: loggerFor({ component: 'export-schedule' }),
    now,
    ...overrides,
  };
}

/** The server's scheduler: every configured export, against the graph. */
export function startGraphScheduler(
  db: Database,
  schedules: readonly ExportSchedule[],
  overrides: Partial<ScheduleRunDeps> & { clock?: SchedulerClock } = {},
): Scheduler {
  const { clock = systemClock, ...runOverrides } = overrides;
  const deps = graphRunDeps(db, { now: () => clock.now(), ...runOverrides });
  return startScheduler(schedules, {
    clock,
    log: deps.log,
    run: (schedule, signal) => runExportSchedule(schedule, { ...deps, signal }),
    skip: (schedule, at) => recordSkipped(schedule, at, deps),
  });
}

import { nextFireAfter } from './cron.js';
import type { ScheduleLog } from './run-export-schedule.js';
import type { ExportSchedule } from './schedule-config.js';

/** The clock and timers the scheduler uses: the real ones in the server, fakes in tests. */
export interface SchedulerClock {
  now(): Date;
  setTimer(fire: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer: (fire, ms) => setTimeout(fire, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SchedulerDeps {
  readonly clock: SchedulerClock;
  /** One run; `signal` aborts when the scheduler stops. Must record its own outcome. */
  readonly run: (schedule: ExportSchedule, signal: AbortSignal) => Promise<unknown>;
  /** Records a firing skipped because the schedule's previous run is still going. */
  readonly skip: (schedule: ExportSchedule, at: Date) => Promise<unknown>;
  readonly log: ScheduleLog;
}

export interface Scheduler {
  /** Stops firing, tells runs in progress to stop retrying, and waits for them to be recorded. */
  stop(): Promise<void>;
}

/** Timers longer than this (about 24.8 days) overflow in Node; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Fires each schedule at its cron times (UTC); runs of one schedule never overlap. */
export function startScheduler(
  schedules: readonly ExportSchedule[],
  deps: SchedulerDeps,
): Scheduler {
  const { clock } = deps;
  const stopping = new AbortController();
  const timers = new Map<string, unknown>();
  const running = new Map<string, Promise<void>>();
  const pending = new Set<Promise<unknown>>();

  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((error: unknown) => {
      deps.log.error(
        { error: String((error as Error).message ?? error) },
        'scheduled export bookkeeping failed',
      );
    });
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };

  const arm = (schedule: ExportSchedule, after: Date): void => {
    const at = nextFireAfter(schedule.cron, after);
    if (at === null || stopping.signal.aborted) return;
    const wait = (): void => {
      const ms = at.getTime() - clock.now().getTime();
      if (ms > 0) {
        timers.set(schedule.name, clock.setTimer(wait, Math.min(ms, MAX_TIMER_MS)));
        return;
      }
      fire(schedule, at);
      // A late timer (a suspended machine) fires once, not once per missed minute.
      arm(schedule, new Date(Math.max(at.getTime(), clock.now().getTime())));
    };
    wait();
  };

  const fire = (schedule: ExportSchedule, at: Date): void => {
    if (running.has(schedule.name)) {
      track(deps.skip(schedule, at));
      return;
    }
    const run = deps
      .run(schedule, stopping.signal)
      .then(() => undefined)
      .catch((error: unknown) => {
        deps.log.error(
          { schedule: schedule.name, error: String((error as Error).message ?? error) },
          'scheduled export crashed',
        );
      })
      .finally(() => running.delete(schedule.name));
    running.set(schedule.name, run);
    track(run);
  };

  const now = clock.now();
  for (const schedule of schedules) arm(schedule, now);
  deps.log.info({ schedules: schedules.map((s) => s.name) }, 'export scheduler started');

  return {
    stop: async () => {
      stopping.abort();
      for (const handle of timers.values()) clock.clearTimer(handle);
      timers.clear();
      await Promise.all([...pending]);
    },
  };
}

import type { ExportRun, ExportRunStore } from '../../../src/schedule/export-run-store.js';
import type { ScheduleLog } from '../../../src/schedule/run-export-schedule.js';
import { parseCron } from '../../../src/schedule/cron.js';
import type { ExportSchedule } from '../../../src/schedule/schedule-config.js';
import type { SchedulerClock } from '../../../src/schedule/scheduler.js';

export function schedule(overrides: Partial<ExportSchedule> = {}): ExportSchedule {
  return {
    name: 'nightly-risk',
    cron: parseCron(overrides.cronText ?? '0 6 * * *'),
    cronText: '0 6 * * *',
    format: 'ndjson',
    level: undefined,
    directory: undefined,
    webhook: undefined,
    retries: 3,
    backoffMs: 1_000,
    ...overrides,
  };
}

export function memoryStore(): ExportRunStore & { saved: ExportRun[] } {
  const saved: ExportRun[] = [];
  return { saved, save: (run) => Promise.resolve(void saved.push(run)) };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export function memoryLog(): ScheduleLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, message: string): void =>
      void lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A clock that moves only when told to, firing the timers that come due on the way. */
export function fakeClock(start: string): SchedulerClock & {
  advanceTo(iso: string): void;
  /** Moves time without running timers, as a suspended machine does; they fire late on advance. */
  jumpTo(iso: string): void;
  pending(): number;
} {
  let now = new Date(start).getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  return {
    now: () => new Date(now),
    setTimer: (fire, ms) => {
      nextId += 1;
      timers.set(nextId, { at: now + ms, fire });
      return nextId;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
    pending: () => timers.size,
    advanceTo(iso) {
      const target = new Date(iso).getTime();
      for (;;) {
        const due = [...timers]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fire();
      }
      now = target;
    },
    jumpTo(iso) {
      now = new Date(iso).getTime();
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { ExportSchedule } from '../../../src/schedule/schedule-config.js';
import { startScheduler } from '../../../src/schedule/scheduler.js';
import { fakeClock, memoryLog, schedule } from './schedule-fakes.js';

function harness(start: string, schedules: ExportSchedule[]) {
  const clock = fakeClock(start);
  const runs: { name: string; at: string; finish: () => void; signal: AbortSignal }[] = [];
  const skips: { name: string; at: string }[] = [];
  const scheduler = startScheduler(schedules, {
    clock,
    log: memoryLog(),
    run: (s, signal) =>
      new Promise<void>((resolve) => {
        runs.push({ name: s.name, at: clock.now().toISOString(), finish: resolve, signal });
      }),
    skip: (s, at) => Promise.resolve(void skips.push({ name: s.name, at: at.toISOString() })),
  });
  return { clock, runs, skips, scheduler };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('startScheduler', () => {
  it('fires at the cron times, not before', async () => {
    const { clock, runs, scheduler } = harness('2026-01-01T10:02:00Z', [
      schedule({ cronText: '*/5 * * * *' }),
    ]);
    clock.advanceTo('2026-01-01T10:04:59Z');
    expect(runs).toEqual([]);
    clock.advanceTo('2026-01-01T10:05:00Z');
    expect(runs.map((r) => r.at)).toEqual(['2026-01-01T10:05:00.000Z']);
    runs[0]!.finish();
    await settle();
    clock.advanceTo('2026-01-01T10:10:00Z');
    expect(runs.map((r) => r.at)).toEqual(['2026-01-01T10:05:00.000Z', '2026-01-01T10:10:00.000Z']);
    runs[1]!.finish();
    await scheduler.stop();
  });

  it('skips, and records, a firing while the same schedule is still running', async () => {
    const { clock, runs, skips, scheduler } = harness('2026-01-01T10:00:00Z', [
      schedule({ name: 'slow', cronText: '* * * * *' }),
      schedule({ name: 'other', cronText: '* * * * *' }),
    ]);
    clock.advanceTo('2026-01-01T10:01:00Z');
    expect(runs.map((r) => r.name)).toEqual(['slow', 'other']);
    runs[1]!.finish();
    await settle();
    clock.advanceTo('2026-01-01T10:02:00Z');
    // "other" finished and runs again; "slow" has not and is skipped.
    expect(skips).toEqual([{ name: 'slow', at: '2026-01-01T10:02:00.000Z' }]);
    expect(runs.map((r) => r.name)).toEqual(['slow', 'other', 'other']);
    runs[0]!.finish();
    runs[2]!.finish();
    await scheduler.stop();
  });

  it('fires once after a long pause, not once per missed minute', async () => {
    const { clock, runs, skips, scheduler } = harness('2026-01-01T10:00:30Z', [
      schedule({ cronText: '* * * * *' }),
    ]);
    clock.advanceTo('2026-01-01T10:01:00Z');
    runs[0]!.finish();
    await settle();
    // The machine slept for an hour: the overdue timer fires late, once.
    clock.jumpTo('2026-01-01T11:01:30Z');
    clock.advanceTo('2026-01-01T11:01:30Z');
    expect(skips).toEqual([]);
    expect(runs.map((r) => r.at)).toEqual(['2026-01-01T10:01:00.000Z', '2026-01-01T11:01:30.000Z']);
    runs[1]!.finish();
    await settle();
    clock.advanceTo('2026-01-01T11:02:00Z');
    expect(runs).toHaveLength(3);
    runs.forEach((r) => r.finish());
    await scheduler.stop();
  });

  it('stop clears its timers, aborts runs in progress and waits for them', async () => {
    const { clock, runs, scheduler } = harness('2026-01-01T05:59:00Z', [schedule()]);
    clock.advanceTo('2026-01-01T06:00:00Z');
    expect(runs).toHaveLength(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await settle();
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(stopped).toBe(false);
    runs[0]!.finish();
    await stopping;
    expect(clock.pending()).toBe(0);
    clock.advanceTo('2026-01-02T06:00:00Z');
    expect(runs).toHaveLength(1);
  });
});

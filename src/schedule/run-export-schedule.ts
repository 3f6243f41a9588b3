import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { CairnError, firstLine } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { redact } from '../errors/redact.js';
import { contentTypeOf, extensionOf } from '../export/risk/risk-options.js';
import type { ExportRun, ExportRunStore } from './export-run-store.js';
import { postWebhook } from './post-webhook.js';
import { PermanentFailure, retryDelayMs, shouldRetry } from './retry-policy.js';
import { safeUrl, withoutUrl } from './safe-url.js';
import type { ExportSchedule } from './schedule-config.js';
import { commitStaged, exportFileName, stageExport } from './stage-export.js';

/** The part of a logger runs use (a pino logger fits). */
export interface ScheduleLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ScheduleRunDeps {
  /** The export's text for this schedule, produced afresh for each attempt that needs it. */
  readonly produce: (schedule: ExportSchedule) => AsyncIterable<string>;
  readonly store: ExportRunStore;
  readonly log: ScheduleLog;
  readonly now: () => Date;
  /** Waits between attempts; rejects when `signal` aborts (the server is stopping). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly webhookTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

const MAX_ERROR_LENGTH = 500;

/**
 * One run of a schedule: produce the export, write it to the directory, POST it to the webhook.
 * A failed attempt is retried after an exponential backoff, redoing only what has not succeeded
 * yet; the run is recorded when it starts and when it ends, and a final failure is logged at
 * error level, so no run is ever dropped without a trace.
 */
export async function runExportSchedule(
  schedule: ExportSchedule,
  deps: ScheduleRunDeps,
): Promise<ExportRun> {
  const startedAt = deps.now();
  const started: ExportRun = {
    id: `${schedule.name}/${startedAt.toISOString()}/${randomBytes(3).toString('hex')}`,
    schedule: schedule.name,
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    status: 'RUNNING',
    attempts: 0,
    error: null,
    destinations: [],
  };
  await record(started, deps);
  const destinations: string[] = [];
  let file: string | undefined;
  let scratch: string | undefined;
  let posted = schedule.webhook === undefined;
  let attempts = 0;
  let failure: string | null = null;
  const sleep = deps.sleep ?? ((ms, signal) => sleepFor(ms, undefined, signal ? { signal } : {}));
  try {
    for (;;) {
      attempts += 1;
      try {
        if (file === undefined) {
          // Webhook-only exports are staged in a private scratch directory, removed afterwards.
          const dir =
            schedule.directory ?? (scratch ??= await mkdtemp(path.join(tmpdir(), 'cairn-export-')));
          const staged = await stageExport(dir, deps.produce(schedule));
          if (schedule.directory !== undefined) {
            const target = path.join(
              dir,
              exportFileName(schedule.name, startedAt, extensionOf(schedule.format)),
            );
            await commitStaged(staged, target);
            destinations.push(`file:${target}`);
            file = target;
          } else {
            file = staged;
          }
        }
        if (!posted && schedule.webhook !== undefined) {
          await postWebhook(schedule.webhook, file, {
            contentType: contentTypeOf(schedule.format),
            timeoutMs: deps.webhookTimeoutMs ?? 60_000,
            ...(deps.signal ? { signal: deps.signal } : {}),
          });
          posted = true;
          destinations.push(`webhook:${safeUrl(schedule.webhook)}`);
        }
        failure = null;
        break;
      } catch (error) {
        failure = messageOf(error, schedule);
        if (!shouldRetry(attempts, schedule.retries, permanentOrNot(error)) || deps.signal?.aborted)
          break;
        const delayMs = retryDelayMs(attempts, schedule.backoffMs);
        deps.log.warn(
          { schedule: schedule.name, attempt: attempts, delayMs, error: failure },
          'scheduled export attempt failed; retrying',
        );
        try {
          await sleep(delayMs, deps.signal);
        } catch {
          failure = `${failure} (stopped before the next attempt: the server is shutting down)`;
          break;
        }
      }
    }
  } finally {
    if (scratch !== undefined)
      await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
  const finished: ExportRun = {
    ...started,
    finishedAt: deps.now().toISOString(),
    status: failure === null ? 'SUCCEEDED' : 'FAILED',
    attempts,
    error: failure,
    destinations,
  };
  await record(finished, deps);
  const fields = { schedule: schedule.name, run: finished.id, attempts, destinations };
  if (failure === null) deps.log.info(fields, 'scheduled export succeeded');
  else deps.log.error({ ...fields, error: failure }, 'scheduled export failed');
  return finished;
}

/** A schedule fired while its previous run was still going: recorded, not queued. */
export async function recordSkipped(
  schedule: ExportSchedule,
  at: Date,
  deps: Pick<ScheduleRunDeps, 'store' | 'log'>,
): Promise<ExportRun> {
  const run: ExportRun = {
    id: `${schedule.name}/${at.toISOString()}/${randomBytes(3).toString('hex')}`,
    schedule: schedule.name,
    startedAt: at.toISOString(),
    finishedAt: at.toISOString(),
    status: 'SKIPPED',
    attempts: 0,
    error: 'the previous run was still running',
    destinations: [],
  };
  await record(run, deps);
  deps.log.warn(
    { schedule: schedule.name, run: run.id },
    'scheduled export skipped: the previous run was still running',
  );
  return run;
}

/** Saving the record must not hide the run's outcome: a failure to save is logged instead. */
async function record(run: ExportRun, deps: Pick<ScheduleRunDeps, 'store' | 'log'>): Promise<void> {
  try {
    await deps.store.save(run);
  } catch (error) {
    deps.log.error(
      {
        schedule: run.schedule,
        run: run.id,
        status: run.status,
        error: redact(firstLine(String((error as Error).message ?? error))),
      },
      'could not record a scheduled export run',
    );
  }
}

/** Bad input (no analysis yet, a corrupt stored path) will be just as bad on the next attempt. */
function permanentOrNot(error: unknown): unknown {
  if (error instanceof CairnError && error.code === ErrorCode.BAD_INPUT)
    return new PermanentFailure(error.message);
  return error;
}

/** One line, credentials and the webhook's secret parts removed, bounded. */
function messageOf(error: unknown, schedule: ExportSchedule): string {
  let text =
    redact(firstLine(error instanceof Error ? error.message : String(error))) || 'unknown error';
  if (schedule.webhook !== undefined) text = withoutUrl(text, schedule.webhook);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

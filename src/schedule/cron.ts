import { BadInputError } from '../errors/cairn-error.js';

/** A parsed 5-field cron expression (minute hour day-of-month month day-of-week), in UTC. */
export interface Cron {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday (7 is accepted for Sunday too). */
  readonly daysOfWeek: ReadonlySet<number>;
  /** Classic cron: when both day fields are restricted, a day matching either one fires. */
  readonly dayOfMonthAny: boolean;
  readonly dayOfWeekAny: boolean;
}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

/** Parses `*`, numbers, `a-b` ranges, lists and `/n` steps; names (MON, JAN) are not accepted. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (expression.length > 200 || parts.length !== 5) {
    throw new BadInputError('cron: expected 5 fields (minute hour day-of-month month day-of-week)');
  }
  const [minutes, hours, daysOfMonth, months, weekdays] = parts.map((part, i) =>
    parseField(part, FIELDS[i]!),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.delete(7)) weekdays.add(0);
  const cron: Cron = {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek: weekdays,
    dayOfMonthAny: parts[2]!.startsWith('*'),
    dayOfWeekAny: parts[4]!.startsWith('*'),
  };
  // `0 0 30 2 *` parses but never fires: a schedule that silently never runs is a mistake.
  if (nextFireAfter(cron, new Date(Date.UTC(2000, 0, 1))) === null) {
    throw new BadInputError(`cron: "${expression.trim()}" never fires`);
  }
  return cron;
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(item);
    if (!match) throw new BadInputError(`cron ${spec.name}: "${item.slice(0, 40)}" is not valid`);
    const [, , from, to, step] = match;
    const low = from === undefined ? spec.min : Number(from);
    // `5/15` means from 5 to the end in steps of 15, as in most crons.
    const high =
      from === undefined || (to === undefined && step !== undefined)
        ? spec.max
        : Number(to ?? from);
    const stride = step === undefined ? 1 : Number(step);
    if (low < spec.min || high > spec.max || low > high) {
      throw new BadInputError(
        `cron ${spec.name}: "${item}" is outside ${spec.min}-${spec.max} or backwards`,
      );
    }
    if (stride < 1)
      throw new BadInputError(`cron ${spec.name}: step in "${item}" must be at least 1`);
    for (let value = low; value <= high; value += stride) values.add(value);
  }
  return values;
}

/** About eight years: enough for a 29 February schedule to fire across a skipped leap year. */
const SEARCH_DAYS = 366 * 8 + 2;

/** The first minute strictly after `after` at which the expression fires (UTC), or null if never. */
export function nextFireAfter(cron: Cron, after: Date): Date | null {
  const start = new Date(after.getTime());
  start.setUTCSeconds(0, 0);
  start.setUTCMinutes(start.getUTCMinutes() + 1);
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    if (dayMatches(cron, day)) {
      const sameDay = i === 0;
      const time = firstTime(
        cron,
        sameDay ? start.getUTCHours() : 0,
        sameDay ? start.getUTCMinutes() : 0,
      );
      if (time !== null) {
        return new Date(
          Date.UTC(
            day.getUTCFullYear(),
            day.getUTCMonth(),
            day.getUTCDate(),
            time.hour,
            time.minute,
          ),
        );
      }
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return null;
}

function dayMatches(cron: Cron, day: Date): boolean {
  if (!cron.months.has(day.getUTCMonth() + 1)) return false;
  const byMonthDay = cron.daysOfMonth.has(day.getUTCDate());
  const byWeekDay = cron.daysOfWeek.has(day.getUTCDay());
  if (cron.dayOfMonthAny) return byWeekDay;
  if (cron.dayOfWeekAny) return byMonthDay;
  return byMonthDay || byWeekDay;
}

/** The earliest (hour, minute) at or after the given one that the expression allows. */
function firstTime(
  cron: Cron,
  fromHour: number,
  fromMinute: number,
): { hour: number; minute: number } | null {
  for (let hour = fromHour; hour < 24; hour += 1) {
    if (!cron.hours.has(hour)) continue;
    for (let minute = hour === fromHour ? fromMinute : 0; minute < 60; minute += 1) {
      if (cron.minutes.has(minute)) return { hour, minute };
    }
  }
  return null;
}

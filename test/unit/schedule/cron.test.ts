import { describe, expect, it } from 'vitest';
import { nextFireAfter, parseCron } from '../../../src/schedule/cron.js';

const next = (expression: string, after: string): string | undefined =>
  nextFireAfter(parseCron(expression), new Date(after))?.toISOString();

describe('nextFireAfter', () => {
  it('fires daily at 06:00 UTC, strictly after the given instant', () => {
    expect(next('0 6 * * *', '2026-01-01T05:59:30Z')).toBe('2026-01-01T06:00:00.000Z');
    expect(next('0 6 * * *', '2026-01-01T06:00:00Z')).toBe('2026-01-02T06:00:00.000Z');
    expect(next('0 6 * * *', '2026-12-31T07:00:00Z')).toBe('2027-01-01T06:00:00.000Z');
  });

  it('steps, ranges and lists', () => {
    expect(next('*/15 * * * *', '2026-01-01T10:07:00Z')).toBe('2026-01-01T10:15:00.000Z');
    expect(next('*/15 * * * *', '2026-01-01T10:45:00Z')).toBe('2026-01-01T11:00:00.000Z');
    expect(next('5/20 9-10 * * *', '2026-01-01T09:46:00Z')).toBe('2026-01-01T10:05:00.000Z');
    expect(next('0 1-10/3 * * *', '2026-01-01T04:00:00Z')).toBe('2026-01-01T07:00:00.000Z');
    expect(next('30 8,20 * * *', '2026-01-01T09:00:00Z')).toBe('2026-01-01T20:30:00.000Z');
  });

  it('days of week, with 0 and 7 both Sunday', () => {
    // 2026-01-01 is a Thursday.
    expect(next('0 0 * * 1', '2026-01-01T00:00:00Z')).toBe('2026-01-05T00:00:00.000Z');
    expect(next('0 0 * * 7', '2026-01-01T00:00:00Z')).toBe('2026-01-04T00:00:00.000Z');
    expect(next('0 0 * * 0', '2026-01-01T00:00:00Z')).toBe('2026-01-04T00:00:00.000Z');
    expect(next('0 12 * * 1-5', '2026-01-02T13:00:00Z')).toBe('2026-01-05T12:00:00.000Z');
  });

  it('fires on either day field when both are restricted, as classic cron does', () => {
    // The 13th or any Friday: Friday 2 January comes first.
    expect(next('0 0 13 * 5', '2026-01-01T00:00:00Z')).toBe('2026-01-02T00:00:00.000Z');
    expect(next('0 0 13 * 5', '2026-01-10T00:00:00Z')).toBe('2026-01-13T00:00:00.000Z');
  });

  it('finds 29 February across non-leap years', () => {
    expect(next('0 0 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 0 1 */6 *', '2026-02-01T00:00:00Z')).toBe('2026-07-01T00:00:00.000Z');
  });
});

describe('parseCron', () => {
  it.each([
    ['0 6 * *', /expected 5 fields/],
    ['0 6 * * * *', /expected 5 fields/],
    ['60 * * * *', /cron minute: "60" is outside 0-59/],
    ['0 24 * * *', /cron hour/],
    ['0 0 0 * *', /cron day of month/],
    ['0 0 * 13 *', /cron month/],
    ['0 0 * * 8', /cron day of week/],
    ['5-1 * * * *', /backwards/],
    ['*/0 * * * *', /step in "\*\/0" must be at least 1/],
    ['0 0 * * MON', /cron day of week: "MON" is not valid/],
    ['0 0 30 2 *', /never fires/],
    ['', /expected 5 fields/],
  ])('refuses %j', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { controlOutcome, scoreOf } from '../../../src/rules/compliance/control-status.js';
import { emptyTally, type RuleTallies } from '../../../src/rules/compliance/tally.js';

const tallies = (
  entries: Record<
    string,
    { pass?: number; fail?: number; suppressed?: number; error?: number; ruleError?: string }
  >,
): Map<string, RuleTallies> =>
  new Map(
    Object.entries(entries).map(([id, t]) => [
      id,
      {
        ruleError: t.ruleError ?? null,
        byLocation: new Map([
          [
            '1|eu',
            {
              location: { account: '1', region: 'eu' },
              tally: {
                ...emptyTally(),
                pass: t.pass ?? 0,
                fail: t.fail ?? 0,
                suppressed: t.suppressed ?? 0,
                error: t.error ?? 0,
              },
            },
          ],
        ]),
      },
    ]),
  );
const automated = { assessment: 'automated' as const };

describe('controlOutcome', () => {
  it.each([
    ['one failure fails it', { a: { pass: 5 }, b: { fail: 1 } }, 'FAIL'],
    ['all pass', { a: { pass: 5 }, b: { pass: 1 } }, 'PASS'],
    ['accepted failures do not fail it', { a: { pass: 1 }, b: { suppressed: 2 } }, 'PASS'],
    ['an undecided resource is ERROR, not PASS', { a: { pass: 5 }, b: { error: 1 } }, 'ERROR'],
    ['a rule that could not run is ERROR', { a: { pass: 5 }, b: { ruleError: 'x' } }, 'ERROR'],
    ['nothing to judge', { a: {}, b: {} }, 'NOT_APPLICABLE'],
  ])('%s', (_name, entries, status) => {
    expect(controlOutcome(automated, ['a', 'b'], tallies(entries)).status).toBe(status);
  });

  it('is ERROR when a mapped rule never ran', () => {
    expect(controlOutcome(automated, ['a', 'new'], tallies({ a: { pass: 1 } })).status).toBe(
      'ERROR',
    );
  });

  it('without rules is MANUAL or NOT_ASSESSED', () => {
    expect(controlOutcome({ assessment: 'manual' }, [], new Map()).status).toBe('MANUAL');
    expect(controlOutcome(automated, [], new Map()).status).toBe('NOT_ASSESSED');
  });

  it('narrows to one place', () => {
    expect(
      controlOutcome(automated, ['b'], tallies({ b: { fail: 1 } }), (l) => l.account === '2')
        .status,
    ).toBe('NOT_APPLICABLE');
  });
});

describe('scoreOf', () => {
  it('is the share of decided controls that pass, to one decimal', () => {
    expect(scoreOf(['PASS', 'PASS', 'FAIL', 'MANUAL', 'NOT_ASSESSED'])).toBe(66.7);
    expect(scoreOf(['MANUAL'])).toBeNull();
  });
});

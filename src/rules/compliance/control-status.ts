import type { FrameworkControl } from '../catalog/framework-schema.js';
import { addInto, emptyTally, type Location, type RuleTallies, type Tally } from './tally.js';

export type ControlStatus =
  'PASS' | 'FAIL' | 'ERROR' | 'NOT_APPLICABLE' | 'MANUAL' | 'NOT_ASSESSED';

export interface ControlOutcome {
  readonly status: ControlStatus;
  readonly tally: Tally;
}

/**
 * A control's status from its rules' tallies (optionally only where `where` holds): any open,
 * unsuppressed failure fails it; a rule that could not decide makes it ERROR rather than PASS;
 * accepted (suppressed) failures do not fail it. No rules: MANUAL or NOT_ASSESSED (no data).
 */
export function controlOutcome(
  control: Pick<FrameworkControl, 'assessment'>,
  ruleIds: readonly string[],
  tallies: ReadonlyMap<string, RuleTallies>,
  where: (location: Location) => boolean = () => true,
): ControlOutcome {
  const tally = emptyTally();
  if (ruleIds.length === 0) {
    return { status: control.assessment === 'manual' ? 'MANUAL' : 'NOT_ASSESSED', tally };
  }
  let ruleError = false;
  for (const id of ruleIds) {
    const rule = tallies.get(id);
    // A mapped rule that never ran (new since the last analysis) cannot vouch for the control.
    if (!rule) {
      ruleError = true;
      continue;
    }
    if (rule.ruleError) ruleError = true;
    for (const { location, tally: one } of rule.byLocation.values()) {
      if (where(location)) addInto(tally, one);
    }
  }
  if (tally.fail > 0) return { status: 'FAIL', tally };
  if (ruleError || tally.error > 0) return { status: 'ERROR', tally };
  if (tally.pass + tally.suppressed > 0) return { status: 'PASS', tally };
  return { status: 'NOT_APPLICABLE', tally };
}

/** Percentage of decided controls that pass; null when none was decided. */
export function scoreOf(statuses: readonly ControlStatus[]): number | null {
  const passed = statuses.filter((s) => s === 'PASS').length;
  const failed = statuses.filter((s) => s === 'FAIL').length;
  return passed + failed === 0 ? null : Math.round((1000 * passed) / (passed + failed)) / 10;
}

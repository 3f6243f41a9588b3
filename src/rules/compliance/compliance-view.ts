import type { Framework, FrameworkControl } from '../catalog/framework-schema.js';
import type { RuleCatalog } from '../catalog/rule-catalog.js';
import { controlOutcome, scoreOf, type ControlStatus } from './control-status.js';
import type { Location, RuleTallies, Tally } from './tally.js';

export interface ControlView {
  readonly control: FrameworkControl;
  readonly status: ControlStatus;
  readonly ruleIds: readonly string[];
  readonly tally: Tally;
}

export interface ScoreBreakdown {
  readonly key: string;
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
}

export interface FrameworkScore {
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
}

export interface ComplianceView {
  readonly framework: Framework;
  readonly score: number | null;
  readonly statusCounts: Readonly<Record<ControlStatus, number>>;
  readonly controls: readonly ControlView[];
  readonly byAccount: readonly ScoreBreakdown[];
  readonly byRegion: readonly ScoreBreakdown[];
}

/** A framework's controls judged from the rules' tallies, with the score overall and per place. */
export function buildComplianceView(
  catalog: RuleCatalog,
  framework: Framework,
  tallies: ReadonlyMap<string, RuleTallies>,
): ComplianceView {
  const mapping = catalog.controlRules.get(framework.id);
  const controls = framework.controls.map((control) => {
    const ruleIds = mapping?.get(control.id) ?? [];
    return { control, ruleIds, ...controlOutcome(control, ruleIds, tallies) };
  });
  const statusCounts: Record<ControlStatus, number> = {
    PASS: 0,
    FAIL: 0,
    ERROR: 0,
    NOT_APPLICABLE: 0,
    MANUAL: 0,
    NOT_ASSESSED: 0,
  };
  for (const c of controls) statusCounts[c.status] += 1;
  const breakdown = (pick: (location: Location) => string | null): ScoreBreakdown[] => {
    const keys = new Set<string>();
    for (const rule of tallies.values()) {
      for (const { location } of rule.byLocation.values()) {
        const key = pick(location);
        if (key) keys.add(key);
      }
    }
    return [...keys].sort().map((key) => {
      const statuses = controls.map(
        (c) => controlOutcome(c.control, c.ruleIds, tallies, (l) => pick(l) === key).status,
      );
      return { key, ...summarize(statuses) };
    });
  };
  return {
    framework,
    score: scoreOf(controls.map((c) => c.status)),
    statusCounts,
    controls,
    byAccount: breakdown((l) => l.account),
    byRegion: breakdown((l) => l.region),
  };
}

/** The figures a scan run keeps per framework, for trends. */
export function frameworkScore(view: ComplianceView): FrameworkScore {
  return summarize(view.controls.map((c) => c.status));
}

function summarize(statuses: readonly ControlStatus[]): FrameworkScore {
  return {
    score: scoreOf(statuses),
    passed: statuses.filter((s) => s === 'PASS').length,
    failed: statuses.filter((s) => s === 'FAIL').length,
  };
}

import { registerEnumType } from 'type-graphql';

/** Severity as the API names it; the values are the rule files' own words. */
export enum SeverityLevel {
  CRITICAL = 'critical',
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
  INFO = 'info',
}

export enum FindingStatusValue {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  SUPPRESSED = 'SUPPRESSED',
}

export enum ControlStatusValue {
  PASS = 'PASS',
  FAIL = 'FAIL',
  ERROR = 'ERROR',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  MANUAL = 'MANUAL',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

registerEnumType(SeverityLevel, { name: 'Severity', description: "A rule's severity." });
registerEnumType(FindingStatusValue, {
  name: 'FindingStatus',
  description:
    'OPEN: failing now; RESOLVED: no longer failing; SUPPRESSED: open but accepted by a suppression that has not expired.',
});
registerEnumType(ControlStatusValue, {
  name: 'ControlStatus',
  description:
    'PASS/FAIL from its rules; ERROR when a rule could not decide; NOT_APPLICABLE when nothing it judges exists; MANUAL for a process control; NOT_ASSESSED when Cairn collects no data for it.',
});

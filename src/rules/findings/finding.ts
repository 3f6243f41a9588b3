import type { Severity } from '../catalog/rule-schema.js';

/** Where a finding stands. SUPPRESSED is OPEN with an active suppression, decided at read time. */
export type FindingState = 'OPEN' | 'RESOLVED';
export type FindingStatus = FindingState | 'SUPPRESSED';

/** A finding as stored (`CairnFinding`): one rule failing on one resource, across scan runs. */
export interface StoredFinding {
  readonly id: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly resourceType: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly severity: Severity;
  readonly state: FindingState;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly resolvedAt: string | null;
  readonly reopenedAt: string | null;
  readonly reopenCount: number;
  readonly lastScanRun: string;
  /** JSON text: Neo4j stores no maps. */
  readonly evidence: string;
  readonly message: string | null;
  readonly onAttackPath: boolean;
  readonly priority: number;
  readonly suppressionId: string | null;
  readonly suppressionReason: string | null;
  readonly suppressionBy: string | null;
  readonly suppressionExpires: string | null;
}

/** A rule id never holds '/', so the first '/' splits a finding id back into rule and resource. */
export function findingId(ruleId: string, resource: string): string {
  return `${ruleId}/${resource}`;
}

const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 90,
  high: 70,
  medium: 50,
  low: 30,
  info: 10,
};

/** 0–100: the severity, raised when the resource lies on an attack path. */
export function findingPriority(severity: Severity, onAttackPath: boolean): number {
  return Math.min(100, SEVERITY_WEIGHT[severity] + (onAttackPath ? 10 : 0));
}

/** The status a reader sees at `now`: an expired suppression stops applying by itself. */
export function findingStatus(
  finding: Pick<StoredFinding, 'state' | 'suppressionId' | 'suppressionExpires'>,
  now: string,
): FindingStatus {
  if (finding.state !== 'OPEN' || !finding.suppressionId) return finding.state;
  return finding.suppressionExpires === null || finding.suppressionExpires > now
    ? 'SUPPRESSED'
    : 'OPEN';
}

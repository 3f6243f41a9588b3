import type { FindingWithStatus } from '../rules/findings/query-findings.js';
import type { ExportContext } from './export-context.js';
import { evidenceOf } from './finding-evidence.js';
import type { ControlRef } from './rule-controls.js';

/** A finding as `--format json` writes it: the stored finding, its rule's text and controls. */
export interface FindingDocument {
  readonly id: string;
  readonly status: string;
  readonly severity: string;
  readonly priority: number;
  readonly ruleId: string;
  readonly ruleTitle: string | null;
  readonly resource: string;
  readonly resourceType: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly message: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly resolvedAt: string | null;
  readonly reopenedAt: string | null;
  readonly reopenCount: number;
  readonly lastScanRun: string;
  readonly onAttackPath: boolean;
  readonly evidence: unknown;
  /** The controls the finding's rule serves: it fails them while the finding is OPEN. */
  readonly controls: readonly ControlRef[];
  readonly suppression: {
    readonly id: string;
    readonly reason: string | null;
    readonly by: string | null;
    readonly expires: string | null;
    /** False once expired: the finding counts as OPEN again. */
    readonly active: boolean;
  } | null;
  readonly remediation: {
    readonly text: string;
    readonly cli: string | null;
    readonly terraform: string | null;
    readonly references: readonly string[];
  } | null;
}

export function findingDocument(f: FindingWithStatus, context: ExportContext): FindingDocument {
  const rule = context.rules.get(f.ruleId);
  return {
    id: f.id,
    status: f.status,
    severity: f.severity,
    priority: f.priority,
    ruleId: f.ruleId,
    ruleTitle: rule?.title ?? null,
    resource: f.resource,
    resourceType: f.resourceType,
    account: f.account,
    region: f.region,
    message: f.message,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    resolvedAt: f.resolvedAt,
    reopenedAt: f.reopenedAt,
    reopenCount: f.reopenCount,
    lastScanRun: f.lastScanRun,
    onAttackPath: f.onAttackPath,
    evidence: evidenceOf(f.evidence),
    controls: context.controls.get(f.ruleId) ?? [],
    suppression: f.suppressionId
      ? {
          id: f.suppressionId,
          reason: f.suppressionReason,
          by: f.suppressionBy,
          expires: f.suppressionExpires,
          active: f.status === 'SUPPRESSED',
        }
      : null,
    remediation: rule
      ? {
          text: rule.remediation.text,
          cli: rule.remediation.cli ?? null,
          terraform: rule.remediation.terraform ?? null,
          references: rule.references,
        }
      : null,
  };
}

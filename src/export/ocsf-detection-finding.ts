import type { Severity } from '../rules/catalog/rule-schema.js';
import type { FindingStatus } from '../rules/findings/finding.js';
import type { FindingWithStatus } from '../rules/findings/query-findings.js';
import { cairnVersion } from './cairn-version.js';
import type { ExportContext } from './export-context.js';
import { evidenceOf } from './finding-evidence.js';
import type { ControlRef } from './rule-controls.js';

/** The OCSF schema version the events claim; every attribute used below exists in it. */
export const OCSF_VERSION = '1.3.0';

const CLASS_UID = 2004; // Detection Finding
const CATEGORY_UID = 2; // Findings

/** activity_id: a finding seen in one scan run only is Create, a later sighting Update, resolved Close. */
const ACTIVITY = { 1: 'Create', 2: 'Update', 3: 'Close' } as const;
type ActivityId = keyof typeof ACTIVITY;

/** Finding status_id (OCSF finding lifecycle): New, Suppressed, Resolved. */
const STATUS: Record<FindingStatus, { id: number; name: string }> = {
  OPEN: { id: 1, name: 'New' },
  SUPPRESSED: { id: 3, name: 'Suppressed' },
  RESOLVED: { id: 4, name: 'Resolved' },
};

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/** Compliance status_id per finding status: a suppressed failure is accepted, not passed (99 Other). */
const COMPLIANCE: Record<FindingStatus, { status_id: number; status: string }> = {
  OPEN: { status_id: 3, status: 'Fail' },
  RESOLVED: { status_id: 1, status: 'Pass' },
  SUPPRESSED: { status_id: 99, status: 'Suppressed' },
};

const PROVIDERS: Record<string, string> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' };
const ACCOUNT_TYPES: Record<string, { type_id: number; type: string }> = {
  aws: { type_id: 10, type: 'AWS Account' },
  azure: { type_id: 13, type: 'Azure Subscription' },
  gcp: { type_id: 11, type: 'GCP Project' },
};

/** The OCSF compliance object, one per framework the finding's rule serves. */
export interface OcsfCompliance {
  readonly standards: readonly string[];
  readonly requirements: readonly string[];
  readonly status_id: number;
  readonly status: string;
  readonly status_detail?: string;
}

/** An OCSF 1.3 Detection Finding event (class_uid 2004), as far as Cairn fills it in. */
export interface OcsfDetectionFinding {
  readonly class_uid: 2004;
  readonly class_name: 'Detection Finding';
  readonly category_uid: 2;
  readonly category_name: 'Findings';
  readonly activity_id: ActivityId;
  readonly activity_name: string;
  readonly type_uid: number;
  readonly type_name: string;
  readonly time: number;
  readonly severity_id: number;
  readonly severity: string;
  readonly status_id: number;
  readonly status: string;
  readonly message: string;
  readonly metadata: {
    readonly version: string;
    readonly product: {
      readonly name: 'Cairn';
      readonly vendor_name: string;
      readonly version: string;
    };
  };
  readonly finding_info: {
    readonly uid: string;
    readonly title: string;
    readonly desc?: string;
    readonly types?: readonly string[];
    readonly first_seen_time?: number;
    readonly last_seen_time?: number;
    readonly analytic: {
      readonly uid: string;
      readonly name: string;
      readonly type_id: 1;
      readonly type: 'Rule';
    };
  };
  readonly resources: readonly {
    readonly uid: string;
    readonly type: string;
    readonly region?: string;
    readonly cloud_partition?: string;
  }[];
  readonly cloud: {
    readonly provider: string;
    readonly region?: string;
    readonly account?: { readonly uid: string; readonly type_id?: number; readonly type?: string };
  };
  readonly remediation?: { readonly desc: string; readonly references: readonly string[] };
  readonly evidences: readonly { readonly data: unknown }[];
  readonly unmapped: Record<string, unknown>;
}

/**
 * One finding as an OCSF Detection Finding. OCSF defines `compliance` only on Compliance Finding
 * (2003), so the framework controls go under `unmapped.compliance` (one OCSF compliance object per
 * framework), where strict consumers keep them instead of rejecting the event.
 */
export function ocsfDetectionFinding(
  f: FindingWithStatus,
  context: ExportContext,
): OcsfDetectionFinding {
  const rule = context.rules.get(f.ruleId);
  const cloud = cloudOf(rule?.cloud, f);
  const activityId = activityOf(f);
  const activityName = ACTIVITY[activityId];
  const status = STATUS[f.status];
  const severity = SEVERITY[f.severity] ?? { id: 0, name: 'Unknown' };
  const region = f.region ?? undefined;
  const partition = /^arn:([a-z][a-z-]*):/.exec(f.resource)?.[1];
  const firstSeen = epochMillis(f.firstSeen);
  const lastSeen = epochMillis(f.lastSeen);
  const at =
    (f.status === 'RESOLVED' ? epochMillis(f.resolvedAt) : lastSeen) ?? epochMillis(context.now);
  const title = rule?.title ?? f.ruleId;
  const accountType = ACCOUNT_TYPES[cloud];
  return {
    class_uid: CLASS_UID,
    class_name: 'Detection Finding',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    activity_id: activityId,
    activity_name: activityName,
    type_uid: CLASS_UID * 100 + activityId,
    type_name: `Detection Finding: ${activityName}`,
    time: at ?? 0,
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    message: f.message ?? title,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Cairn', vendor_name: 'Cairn', version: cairnVersion() },
    },
    finding_info: {
      uid: f.id,
      title,
      ...(rule ? { desc: rule.description } : {}),
      ...(rule && rule.categories.length > 0 ? { types: rule.categories } : {}),
      ...(firstSeen !== undefined ? { first_seen_time: firstSeen } : {}),
      ...(lastSeen !== undefined ? { last_seen_time: lastSeen } : {}),
      analytic: { uid: f.ruleId, name: f.ruleId, type_id: 1, type: 'Rule' },
    },
    resources: [
      {
        uid: f.resource,
        type: f.resourceType,
        ...(region !== undefined ? { region } : {}),
        ...(partition !== undefined ? { cloud_partition: partition } : {}),
      },
    ],
    cloud: {
      provider: PROVIDERS[cloud] ?? cloud,
      ...(region !== undefined ? { region } : {}),
      ...(f.account ? { account: { uid: f.account, ...(accountType ?? {}) } } : {}),
    },
    ...(rule ? { remediation: { desc: rule.remediation.text, references: rule.references } } : {}),
    evidences: [{ data: evidenceOf(f.evidence) }],
    unmapped: unmappedOf(f, context.controls.get(f.ruleId) ?? [], rule?.remediation),
  };
}

/** The rule's cloud folder; for a rule outside the cloud folders, the resource's own id decides. */
function cloudOf(ruleCloud: string | undefined, f: FindingWithStatus): string {
  if (ruleCloud !== undefined && ruleCloud in PROVIDERS) return ruleCloud;
  if (f.resource.startsWith('arn:')) return 'aws';
  return ruleCloud ?? f.ruleId.split('-', 1)[0] ?? 'unknown';
}

function activityOf(f: FindingWithStatus): ActivityId {
  if (f.status === 'RESOLVED') return 3;
  return f.firstSeen === f.lastSeen && f.reopenCount === 0 ? 1 : 2;
}

/** OCSF times are epoch milliseconds; a stored time that does not parse is left out. */
export function epochMillis(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Per framework, the finding's controls as an OCSF compliance object. */
export function complianceOf(
  status: FindingStatus,
  controls: readonly ControlRef[],
  suppressionReason: string | null,
): OcsfCompliance[] {
  const byFramework = new Map<string, string[]>();
  for (const { framework, control } of controls) {
    byFramework.set(framework, [...(byFramework.get(framework) ?? []), control]);
  }
  const outcome = COMPLIANCE[status];
  return [...byFramework].map(([framework, requirements]) => ({
    standards: [framework],
    requirements,
    ...outcome,
    ...(status === 'SUPPRESSED' && suppressionReason
      ? { status_detail: `failure accepted: ${suppressionReason}` }
      : {}),
  }));
}

function unmappedOf(
  f: FindingWithStatus,
  controls: readonly ControlRef[],
  remediation: { cli?: string | undefined; terraform?: string | undefined } | undefined,
): Record<string, unknown> {
  return {
    compliance: complianceOf(f.status, controls, f.suppressionReason),
    cairn: {
      rule_id: f.ruleId,
      priority: f.priority,
      on_attack_path: f.onAttackPath,
      reopen_count: f.reopenCount,
      ...(f.resolvedAt ? { resolved_at: f.resolvedAt } : {}),
      ...(f.reopenedAt ? { reopened_at: f.reopenedAt } : {}),
      last_scan_run: f.lastScanRun,
      ...(f.suppressionId
        ? {
            suppression: {
              id: f.suppressionId,
              reason: f.suppressionReason,
              by: f.suppressionBy,
              expires: f.suppressionExpires,
              active: f.status === 'SUPPRESSED',
            },
          }
        : {}),
      ...(remediation?.cli ? { remediation_cli: remediation.cli } : {}),
      ...(remediation?.terraform ? { remediation_terraform: remediation.terraform } : {}),
    },
  };
}

import type { RuleCatalog } from '../../../src/rules/catalog/rule-catalog.js';
import type { Rule } from '../../../src/rules/catalog/rule-schema.js';
import type { FindingWithStatus } from '../../../src/rules/findings/query-findings.js';
import { exportContext, type ExportContext } from '../../../src/export/export-context.js';

export const USER = 'arn:aws:iam::111111111111:user/alice';

export const RULE: Rule = {
  id: 'aws-iam-console-user-mfa',
  title: 'Console users have MFA',
  description: 'Users with a console password have an MFA device.',
  rationale: 'A password alone is phished.',
  severity: 'high',
  resourceType: 'AWSUser',
  check: { cypher: 'aws/x.cypher', params: {} },
  remediation: { text: 'Enable MFA.', cli: 'aws iam enable-mfa-device ...' },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html'],
  frameworks: { 'cis-aws-5.0.0': ['1.9'] },
  categories: ['identity'],
  cloud: 'aws',
  file: 'rules/aws/aws-iam-console-user-mfa.yaml',
  query: 'RETURN 1',
};

export const CATALOG: RuleCatalog = {
  rules: [RULE],
  frameworks: [],
  problems: [],
  controlRules: new Map([
    [
      'cis-aws-5.0.0',
      new Map([
        ['1.9', [RULE.id]],
        ['1.10', []],
      ]),
    ],
    [
      'nist-800-53-r5',
      new Map([
        ['IA-2(1)', [RULE.id]],
        ['IA-2(2)', [RULE.id]],
      ]),
    ],
  ]),
};

export const NOW = '2026-06-05T00:00:00.000Z';

export function context(): ExportContext {
  return exportContext(CATALOG, NOW);
}

/** An open finding first seen on day 1 and seen again on day 3. */
export function finding(overrides: Partial<FindingWithStatus> = {}): FindingWithStatus {
  return {
    id: `${RULE.id}/${USER}`,
    ruleId: RULE.id,
    resource: USER,
    resourceType: 'AWSUser',
    account: '111111111111',
    region: 'global',
    severity: 'high',
    state: 'OPEN',
    status: 'OPEN',
    firstSeen: '2026-06-01T00:00:00.000Z',
    lastSeen: '2026-06-03T00:00:00.000Z',
    resolvedAt: null,
    reopenedAt: null,
    reopenCount: 0,
    lastScanRun: 'analysis-3',
    evidence: '{"mfaActive":false}',
    message: 'alice has a console password and no MFA',
    onAttackPath: false,
    priority: 70,
    suppressionId: null,
    suppressionReason: null,
    suppressionBy: null,
    suppressionExpires: null,
    ...overrides,
  };
}

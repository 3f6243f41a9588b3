import { describe, expect, it } from 'vitest';
import { exportContext } from '../../../src/export/export-context.js';
import { ocsfDetectionFinding } from '../../../src/export/ocsf-detection-finding.js';
import { CATALOG, NOW, RULE, USER, context, finding } from './export-fixtures.js';

const ms = (iso: string): number => Date.parse(iso);

describe('ocsfDetectionFinding', () => {
  it('maps an open finding seen again to an Update of a New, High Detection Finding', () => {
    const event = ocsfDetectionFinding(finding(), context());
    expect(event).toMatchObject({
      class_uid: 2004,
      class_name: 'Detection Finding',
      category_uid: 2,
      category_name: 'Findings',
      activity_id: 2,
      activity_name: 'Update',
      type_uid: 200402,
      type_name: 'Detection Finding: Update',
      time: ms('2026-06-03T00:00:00.000Z'),
      severity_id: 4,
      severity: 'High',
      status_id: 1,
      status: 'New',
      message: 'alice has a console password and no MFA',
      metadata: { version: '1.3.0', product: { name: 'Cairn', vendor_name: 'Cairn' } },
      finding_info: {
        uid: `${RULE.id}/${USER}`,
        title: RULE.title,
        desc: RULE.description,
        types: ['identity'],
        first_seen_time: ms('2026-06-01T00:00:00.000Z'),
        last_seen_time: ms('2026-06-03T00:00:00.000Z'),
        analytic: { uid: RULE.id, type_id: 1, type: 'Rule' },
      },
      resources: [{ uid: USER, type: 'AWSUser', region: 'global', cloud_partition: 'aws' }],
      cloud: {
        provider: 'AWS',
        region: 'global',
        account: { uid: '111111111111', type_id: 10, type: 'AWS Account' },
      },
      remediation: { desc: 'Enable MFA.', references: RULE.references },
      evidences: [{ data: { mfaActive: false } }],
    });
    expect(typeof event.metadata.product.version).toBe('string');
  });

  it('names the failed controls, one OCSF compliance object per framework, under unmapped', () => {
    const event = ocsfDetectionFinding(finding(), context());
    expect(event).not.toHaveProperty('compliance');
    expect(event.unmapped['compliance']).toEqual([
      { standards: ['cis-aws-5.0.0'], requirements: ['1.9'], status_id: 3, status: 'Fail' },
      {
        standards: ['nist-800-53-r5'],
        requirements: ['IA-2(1)', 'IA-2(2)'],
        status_id: 3,
        status: 'Fail',
      },
    ]);
    expect(event.unmapped['cairn']).toMatchObject({
      rule_id: RULE.id,
      priority: 70,
      remediation_cli: RULE.remediation.cli,
    });
  });

  it('is a Create while the finding has been seen in one scan run only', () => {
    const seenOnce = finding({ lastSeen: '2026-06-01T00:00:00.000Z' });
    expect(ocsfDetectionFinding(seenOnce, context())).toMatchObject({
      activity_id: 1,
      type_uid: 200401,
    });
  });

  it('maps a suppressed finding to status Suppressed, its controls accepted rather than failed', () => {
    const suppressed = finding({
      status: 'SUPPRESSED',
      suppressionId: 'file:break-glass',
      suppressionReason: 'break-glass user',
      suppressionBy: 'security@example.com',
      suppressionExpires: '2026-07-01T00:00:00.000Z',
    });
    const event = ocsfDetectionFinding(suppressed, context());
    expect(event).toMatchObject({ status_id: 3, status: 'Suppressed', activity_id: 2 });
    expect(event.unmapped['compliance']).toContainEqual({
      standards: ['cis-aws-5.0.0'],
      requirements: ['1.9'],
      status_id: 99,
      status: 'Suppressed',
      status_detail: 'failure accepted: break-glass user',
    });
    expect(event.unmapped['cairn']).toMatchObject({
      suppression: { id: 'file:break-glass', by: 'security@example.com', active: true },
    });
  });

  it('maps a resolved finding to a Close at the time it resolved, its controls passing', () => {
    const resolved = finding({
      state: 'RESOLVED',
      status: 'RESOLVED',
      resolvedAt: '2026-06-04T00:00:00.000Z',
    });
    const event = ocsfDetectionFinding(resolved, context());
    expect(event).toMatchObject({
      activity_id: 3,
      activity_name: 'Close',
      type_uid: 200403,
      status_id: 4,
      status: 'Resolved',
      time: ms('2026-06-04T00:00:00.000Z'),
    });
    expect(event.unmapped['compliance']).toContainEqual({
      standards: ['cis-aws-5.0.0'],
      requirements: ['1.9'],
      status_id: 1,
      status: 'Pass',
    });
  });

  it('still exports a finding whose rule no longer loads, without inventing its text', () => {
    const orphan = finding({ ruleId: 'aws-gone-rule', id: `aws-gone-rule/${USER}`, message: null });
    const event = ocsfDetectionFinding(orphan, exportContext({ ...CATALOG, rules: [] }, NOW));
    expect(event.finding_info.title).toBe('aws-gone-rule');
    expect(event.message).toBe('aws-gone-rule');
    expect(event).not.toHaveProperty('remediation');
    expect(event.cloud.provider).toBe('AWS');
    expect(event.unmapped['compliance']).toEqual([]);
  });

  it('keeps unparseable evidence whole and leaves out times that do not parse', () => {
    const broken = finding({ evidence: '{not json', firstSeen: 'yesterday' });
    const event = ocsfDetectionFinding(broken, context());
    expect(event.evidences).toEqual([{ data: { unparsed: '{not json' } }]);
    expect(event.finding_info).not.toHaveProperty('first_seen_time');
  });
});

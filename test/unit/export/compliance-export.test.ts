import { describe, expect, it } from 'vitest';
import { complianceCsv, complianceDocument } from '../../../src/export/compliance-export.js';
import type { ComplianceReport } from '../../../src/rules/compliance/read-compliance.js';

const tally = (pass: number, fail: number, suppressed = 0) => ({
  pass,
  fail,
  suppressed,
  notApplicable: 1,
  error: 0,
});

const REPORT: ComplianceReport = {
  runId: 'analysis-2',
  trend: [{ runId: 'analysis-1', at: '2026-06-01T00:00:00.000Z', score: 0, passed: 0, failed: 1 }],
  view: {
    framework: {
      id: 'cis-aws-5.0.0',
      name: 'CIS AWS',
      version: '5.0.0',
      file: 'rules/frameworks/cis-aws-5.0.0.yaml',
      controls: [],
    },
    score: 50,
    statusCounts: { PASS: 1, FAIL: 1, ERROR: 0, NOT_APPLICABLE: 0, MANUAL: 1, NOT_ASSESSED: 0 },
    controls: [
      {
        control: {
          id: '1.9',
          title: 'Ensure MFA is enabled for all IAM users that have a console password',
          section: 'Identity and Access Management',
          assessment: 'automated',
          level: 'level1',
          rules: [],
        },
        status: 'FAIL',
        ruleIds: ['aws-iam-console-user-mfa', 'aws-iam-admin-user-no-mfa'],
        tally: tally(3, 2, 1),
      },
      {
        control: { id: '1.2', title: '=Process, "manual"', assessment: 'manual', rules: [] },
        status: 'MANUAL',
        ruleIds: [],
        tally: tally(0, 0),
      },
    ],
    byAccount: [{ key: '111111111111', score: 50, passed: 1, failed: 1 }],
    byRegion: [{ key: 'global', score: 50, passed: 1, failed: 1 }],
  },
};

describe('compliance export', () => {
  it('writes one CSV row per control with status, counts, failing resources and rules', () => {
    const lines = complianceCsv(REPORT, new Map([['1.9', 1]])).split('\r\n');
    expect(lines[0]).toBe(
      'framework,control_id,title,section,assessment,level,status,passed,failed,suppressed,not_applicable,errors,failing_resources,rules',
    );
    expect(lines[1]).toBe(
      'cis-aws-5.0.0,1.9,Ensure MFA is enabled for all IAM users that have a console password,Identity and Access Management,automated,level1,FAIL,3,2,1,1,0,1,aws-iam-console-user-mfa aws-iam-admin-user-no-mfa',
    );
    // A control title is data too: defused and quoted like any other cell.
    expect(lines[2]).toBe(`cis-aws-5.0.0,1.2,"'=Process, ""manual""",,manual,,MANUAL,0,0,0,1,0,0,`);
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('keeps the whole view in JSON: score, per-control tallies, breakdowns and trend', () => {
    const document = complianceDocument(REPORT, new Map([['1.9', 1]]), '2026-06-05T00:00:00.000Z');
    expect(document).toMatchObject({
      framework: { id: 'cis-aws-5.0.0', name: 'CIS AWS', version: '5.0.0', source: null },
      generatedAt: '2026-06-05T00:00:00.000Z',
      scanRun: 'analysis-2',
      score: 50,
      statusCounts: { PASS: 1, FAIL: 1, MANUAL: 1 },
      controls: [
        { id: '1.9', status: 'FAIL', failingResources: 1, tally: { fail: 2, suppressed: 1 } },
        { id: '1.2', status: 'MANUAL', failingResources: 0, section: null },
      ],
      byAccount: [{ key: '111111111111', score: 50 }],
      byRegion: [{ key: 'global' }],
      trend: [{ runId: 'analysis-1', failed: 1 }],
    });
    // The framework file's path on this machine is not part of the export.
    expect(JSON.stringify(document)).not.toContain('rules/frameworks');
  });
});

import { describe, expect, it } from 'vitest';
import { findingCsvRow, findingsCsvHeader } from '../../../src/export/findings-csv.js';
import { context, finding, USER } from './export-fixtures.js';

describe('findings CSV', () => {
  it('writes one row per finding under the documented header, controls as framework:control', () => {
    const header = findingsCsvHeader().trimEnd().split(',');
    const row = findingCsvRow(finding(), context());
    expect(header.slice(0, 7)).toEqual([
      'id',
      'status',
      'severity',
      'priority',
      'rule_id',
      'rule_title',
      'resource',
    ]);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toContain(`,OPEN,high,70,aws-iam-console-user-mfa,Console users have MFA,${USER},`);
    expect(row).toContain(',cis-aws-5.0.0:1.9; nist-800-53-r5:IA-2(1); nist-800-53-r5:IA-2(2),');
    expect(row).toContain(',"{""mfaActive"":false}"\r\n');
  });

  it('defuses a hostile message so a spreadsheet shows it as text', () => {
    const row = findingCsvRow(finding({ message: '=HYPERLINK("http://x","click")' }), context());
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""click"")",`);
  });

  it('fills the suppression columns of a suppressed finding', () => {
    const row = findingCsvRow(
      finding({
        status: 'SUPPRESSED',
        suppressionId: 's1',
        suppressionReason: 'accepted, SEC-1',
        suppressionBy: 'sec@example.com',
        suppressionExpires: '2026-07-01T00:00:00.000Z',
      }),
      context(),
    );
    expect(row).toContain(',"accepted, SEC-1",sec@example.com,2026-07-01T00:00:00.000Z,');
  });
});

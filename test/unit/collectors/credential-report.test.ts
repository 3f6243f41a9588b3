import { describe, expect, it } from 'vitest';
import { parseCredentialReport } from '../../../src/collectors/aws/iam/credential-report.js';

const header =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active';
const csv = [
  header,
  '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,not_supported,true,false',
  'alice,arn:aws:iam::123456789012:user/alice,2021-01-01T00:00:00+00:00,true,2026-11-01T09:30:00+00:00,2026-06-01T00:00:00+00:00,N/A,false,true',
  'bob,arn:aws:iam::123456789012:user/bob,2021-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false',
  'carol,arn:aws:iam::123456789012:user/carol,2021-01-01T00:00:00+00:00,true,no_information,2025-01-01T00:00:00+00:00,N/A,true,false',
].join('\n');

describe('parseCredentialReport', () => {
  it('reads console password, MFA and sign-in facts per user, leaving unknowns out', () => {
    const facts = parseCredentialReport(csv, 'report');
    expect(facts.get('arn:aws:iam::123456789012:user/alice')).toEqual({
      hasConsolePassword: true,
      mfaActive: false,
      passwordLastUsed: '2026-11-01T09:30:00.000Z',
      passwordLastChanged: '2026-06-01T00:00:00.000Z',
    });
    expect(facts.get('arn:aws:iam::123456789012:user/bob')).toEqual({
      hasConsolePassword: false,
      mfaActive: false,
    });
    expect(facts.get('arn:aws:iam::123456789012:user/carol')).toMatchObject({
      hasConsolePassword: true,
      mfaActive: true,
    });
    expect(facts.get('arn:aws:iam::123456789012:user/carol')?.passwordLastUsed).toBeUndefined();
    expect(facts.has('arn:aws:iam::123456789012:root')).toBe(false);
  });

  it('refuses a report without the columns it needs, naming the column', () => {
    expect(() => parseCredentialReport('user,arn\nx,y', 'report.csv')).toThrow(
      'report.csv: credential report has no "password_enabled" column',
    );
  });
});

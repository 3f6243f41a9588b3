import { describe, expect, it } from 'vitest';
import { parseCredentialReport } from '../../../src/collectors/aws/iam/credential-report.js';

const header =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active';
const fullHeader = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed',
  'password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated',
  'access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service',
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date',
  'access_key_2_last_used_region,access_key_2_last_used_service',
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
].join(',');
const csv = [
  header,
  '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,not_supported,true,false',
  'alice,arn:aws:iam::123456789012:user/alice,2021-01-01T00:00:00+00:00,true,2026-11-01T09:30:00+00:00,2026-06-01T00:00:00+00:00,N/A,false,true',
  'bob,arn:aws:iam::123456789012:user/bob,2021-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false',
  'carol,arn:aws:iam::123456789012:user/carol,2021-01-01T00:00:00+00:00,true,no_information,2025-01-01T00:00:00+00:00,N/A,true,false',
].join('\n');

describe('parseCredentialReport', () => {
  it('reads console password, MFA and sign-in facts per user, leaving unknowns out', () => {
    const facts = parseCredentialReport(csv, 'report').users;
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

  it('keeps the root row apart, with its key columns, leaving unknowns out', () => {
    const report = parseCredentialReport(
      [
        fullHeader,
        '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-03-02T10:00:00+00:00,not_supported,not_supported,false,true,2024-05-01T00:00:00+00:00,2026-02-01T08:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
        'alice,arn:aws:iam::123456789012:user/alice,2021-01-01T00:00:00+00:00,true,N/A,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      ].join('\n'),
      'report',
    );
    expect(report.root).toEqual({
      passwordLastUsed: '2026-03-02T10:00:00.000Z',
      mfaActive: false,
      accessKey1Active: true,
      accessKey1LastRotated: '2024-05-01T00:00:00.000Z',
      accessKey1LastUsed: '2026-02-01T08:00:00.000Z',
      accessKey2Active: false,
    });
    expect([...report.users.keys()]).toEqual(['arn:aws:iam::123456789012:user/alice']);
  });

  it('reads a trimmed root row without key columns as unknown keys, and no root row as none', () => {
    expect(parseCredentialReport(csv, 'report').root).toEqual({
      passwordLastUsed: '2026-01-01T00:00:00.000Z',
      mfaActive: true,
      accessKey1Active: false,
    });
    const withoutRoot = csv
      .split('\n')
      .filter((line) => !line.startsWith('<root_account>'))
      .join('\n');
    expect(parseCredentialReport(withoutRoot, 'report').root).toBeUndefined();
  });

  it('refuses a report without the columns it needs, naming the column', () => {
    expect(() => parseCredentialReport('user,arn\nx,y', 'report.csv')).toThrow(
      'report.csv: credential report has no "password_enabled" column',
    );
  });
});

import { BadInputError } from '../../../errors/cairn-error.js';

/** The credential report's facts about one IAM user that analysis needs. */
export interface CredentialFacts {
  readonly hasConsolePassword?: boolean;
  readonly mfaActive?: boolean;
  readonly passwordLastUsed?: string;
  readonly passwordLastChanged?: string;
}

/** The `<root_account>` row's facts (the AWSRootUser properties other than `account`). */
export interface RootCredentialFacts {
  readonly passwordEnabled?: boolean;
  readonly passwordLastUsed?: string;
  readonly mfaActive?: boolean;
  readonly accessKey1Active?: boolean;
  readonly accessKey1LastRotated?: string;
  readonly accessKey1LastUsed?: string;
  readonly accessKey2Active?: boolean;
  readonly accessKey2LastRotated?: string;
  readonly accessKey2LastUsed?: string;
}

export interface CredentialReport {
  /** Facts per IAM user ARN. */
  readonly users: Map<string, CredentialFacts>;
  /** The root user's row; undefined when the report has none. */
  readonly root?: RootCredentialFacts;
}

const ROOT_USER = '<root_account>';

/**
 * Parses `aws iam get-credential-report` content (CSV): facts per user ARN, and the root row
 * apart. `N/A`, `no_information` and `not_supported` mean unknown and are left out. The access
 * key columns are read only for root and may be missing (then unknown).
 */
export function parseCredentialReport(csv: string, source: string): CredentialReport {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new BadInputError(`${source}: credential report has no "${name}" column`);
    return index;
  };
  const cols = {
    user: column('user'),
    arn: column('arn'),
    passwordEnabled: column('password_enabled'),
    passwordLastUsed: column('password_last_used'),
    passwordLastChanged: column('password_last_changed'),
    mfaActive: column('mfa_active'),
  };
  const users = new Map<string, CredentialFacts>();
  let root: RootCredentialFacts | undefined;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    // Optional columns: a trimmed report without them leaves root's keys unknown.
    const cell = (name: string): string | undefined => {
      const index = header.indexOf(name);
      return index < 0 ? undefined : cells[index];
    };
    if (cells[cols.user] === ROOT_USER) {
      root = {
        ...optional('passwordEnabled', bool(cells[cols.passwordEnabled])),
        ...optional('passwordLastUsed', date(cells[cols.passwordLastUsed])),
        ...optional('mfaActive', bool(cells[cols.mfaActive])),
        ...optional('accessKey1Active', bool(cell('access_key_1_active'))),
        ...optional('accessKey1LastRotated', date(cell('access_key_1_last_rotated'))),
        ...optional('accessKey1LastUsed', date(cell('access_key_1_last_used_date'))),
        ...optional('accessKey2Active', bool(cell('access_key_2_active'))),
        ...optional('accessKey2LastRotated', date(cell('access_key_2_last_rotated'))),
        ...optional('accessKey2LastUsed', date(cell('access_key_2_last_used_date'))),
      };
      continue;
    }
    const arn = cells[cols.arn];
    if (!arn) continue;
    users.set(arn, {
      ...optional('hasConsolePassword', bool(cells[cols.passwordEnabled])),
      ...optional('mfaActive', bool(cells[cols.mfaActive])),
      ...optional('passwordLastUsed', date(cells[cols.passwordLastUsed])),
      ...optional('passwordLastChanged', date(cells[cols.passwordLastChanged])),
    });
  }
  return root ? { users, root } : { users };
}

function bool(cell: string | undefined): boolean | undefined {
  return cell === 'true' ? true : cell === 'false' ? false : undefined;
}

function date(cell: string | undefined): string | undefined {
  if (!cell || !/^\d{4}-\d{2}-\d{2}T/.test(cell)) return undefined;
  const time = Date.parse(cell);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

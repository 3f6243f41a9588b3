import { BadInputError } from '../../../errors/cairn-error.js';

/** The credential report's facts about one IAM user that analysis needs. */
export interface CredentialFacts {
  readonly hasConsolePassword?: boolean;
  readonly mfaActive?: boolean;
  readonly passwordLastUsed?: string;
  readonly passwordLastChanged?: string;
}

/**
 * Parses `aws iam get-credential-report` content (CSV) into facts per user ARN. The root row
 * (`<root_account>`) is skipped here. `N/A`, `no_information` and `not_supported` mean unknown.
 */
export function parseCredentialReport(csv: string, source: string): Map<string, CredentialFacts> {
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
  const facts = new Map<string, CredentialFacts>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[cols.user] === '<root_account>') continue;
    const arn = cells[cols.arn];
    if (!arn) continue;
    facts.set(arn, {
      ...optional('hasConsolePassword', bool(cells[cols.passwordEnabled])),
      ...optional('mfaActive', bool(cells[cols.mfaActive])),
      ...optional('passwordLastUsed', date(cells[cols.passwordLastUsed])),
      ...optional('passwordLastChanged', date(cells[cols.passwordLastChanged])),
    });
  }
  return facts;
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

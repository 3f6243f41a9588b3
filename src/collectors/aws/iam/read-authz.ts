import { BadInputError } from '../../../errors/cairn-error.js';
import type { GraphRecords } from '../../../records/graph-records.js';
import { describeIssue } from '../../../records/describe-issue.js';
import { validateGraphRecords } from '../../../records/validate-graph-records.js';
import { flattenGraphRecords } from '../../../records/graph-records.js';
import { expandInputs } from '../../input/expand-inputs.js';
import { readJsonFile } from '../../input/read-json-file.js';
import { authzPage, type AuthzPage } from './authz-dump-schema.js';
import { parseArn } from './arn.js';
import { authzToRecords } from './authz-to-records.js';
import { decodeDocuments } from './decode-documents.js';

/**
 * `cairn import aws-authz`: files printed by `aws iam get-account-authorization-details` — one
 * object, a JSON array of pages, or one file per page. Pages are grouped by account (taken from
 * the ARNs) and each account becomes one scope. Everything is validated before anything loads.
 */
export async function readAuthzDumps(paths: readonly string[]): Promise<GraphRecords[]> {
  const pages: RawAuthzPage[] = [];
  for (const file of await expandInputs(paths, '.json')) {
    const json = await readJsonFile(file);
    const list = Array.isArray(json) ? json : [json];
    if (list.length === 0)
      throw new BadInputError(`${file}: an empty array, expected authorization details`);
    list.forEach((raw, index) => {
      pages.push({ source: Array.isArray(json) ? `${file}: page ${index}` : file, raw });
    });
  }
  return authzPagesToRecords(pages);
}

/** One page of authorization details as received, and where it came from (for errors). */
export interface RawAuthzPage {
  readonly source: string;
  readonly raw: unknown;
}

/**
 * Pages from files or from the live API to validated records, one set per account. Shared by
 * `cairn import aws-authz` and `cairn scan aws`, so both produce exactly the same graph.
 */
export function authzPagesToRecords(
  pages: readonly RawAuthzPage[],
  knownAccount?: string,
): GraphRecords[] {
  const byAccount = new Map<string, { source: string; page: AuthzPage }[]>();
  for (const { source, raw } of pages) {
    const page = parsePage(raw, source);
    const account = accountOf(page, source, knownAccount);
    const list = byAccount.get(account) ?? [];
    list.push({ source, page });
    byAccount.set(account, list);
  }
  return [...byAccount.entries()].map(([account, list]) => toRecords(account, list));
}

function parsePage(raw: unknown, where: string): AuthzPage {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BadInputError(
      `${where}: expected an object printed by get-account-authorization-details`,
    );
  }
  const parsed = authzPage.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const missing =
      issue?.path.length === 1 &&
      issue.code === 'invalid_type' &&
      (raw as Record<string, unknown>)[String(issue.path[0])] === undefined;
    const text = missing
      ? `missing ${String(issue.path[0])}`
      : issue
        ? describeIssue(issue)
        : 'not authorization details';
    throw new BadInputError(`${where}: ${text}`);
  }
  return parsed.data;
}

function accountOf(page: AuthzPage, where: string, knownAccount?: string): string {
  const arns = [
    ...page.UserDetailList.map((u) => u.Arn),
    ...page.GroupDetailList.map((g) => g.Arn),
    ...page.RoleDetailList.map((r) => r.Arn),
    ...page.Policies.map((p) => p.Arn),
  ];
  const accounts = new Set(
    arns.map((arn) => parseArn(arn)?.account).filter((a): a is string => !!a && a !== 'aws'),
  );
  const bad = arns.find((arn) => !parseArn(arn));
  if (bad !== undefined)
    throw new BadInputError(`${where}: ${JSON.stringify(bad.slice(0, 200))} is not an ARN`);
  if (accounts.size > 1) {
    throw new BadInputError(
      `${where}: one page names several accounts (${[...accounts].join(', ')})`,
    );
  }
  const [account = knownAccount] = accounts;
  if (!account || !/^\d{12}$/.test(account)) {
    throw new BadInputError(
      `${where}: cannot tell the account: no user, group, role or customer policy ARN`,
    );
  }
  return account;
}

function toRecords(account: string, pages: { source: string; page: AuthzPage }[]): GraphRecords {
  const merged: AuthzPage = {
    UserDetailList: pages.flatMap((p) => p.page.UserDetailList),
    GroupDetailList: pages.flatMap((p) => p.page.GroupDetailList),
    RoleDetailList: pages.flatMap((p) => p.page.RoleDetailList),
    Policies: pages.flatMap((p) => p.page.Policies),
  };
  const source =
    pages.length === 1
      ? (pages[0]?.source ?? '')
      : `${pages[0]?.source ?? ''} (+${pages.length - 1} pages)`;
  const problems: string[] = [];
  const docs = decodeDocuments(merged, problems);
  const [first] = problems;
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new BadInputError(`${source}: ${first}${more}`, {
      detail: problems.slice(1, 50).join('\n'),
    });
  }
  const records = authzToRecords(account, merged, docs);
  // The same checks every load makes, here so a bad dump is refused before the database is touched.
  return validateGraphRecords(flattenGraphRecords(records), source);
}

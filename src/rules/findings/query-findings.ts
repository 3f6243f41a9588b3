import neo4j, { type Node } from 'neo4j-driver';
import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { RuleCatalog } from '../catalog/rule-catalog.js';
import type { Severity } from '../catalog/rule-schema.js';
import type { FindingStatus, StoredFinding } from './finding.js';

export interface FindingFilter {
  readonly ruleIds?: readonly string[];
  readonly severities?: readonly Severity[];
  readonly statuses?: readonly FindingStatus[];
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly resourceTypes?: readonly string[];
  readonly resources?: readonly string[];
  /** Findings of rules mapped to this framework (and, with `control`, to that control). */
  readonly framework?: string;
  readonly control?: string;
  readonly onAttackPath?: boolean;
}

export interface FindingWithStatus extends StoredFinding {
  readonly status: FindingStatus;
}

export interface FindingPage {
  readonly totalCount: number;
  readonly findings: readonly FindingWithStatus[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export const MAX_PAGE = 1_000;

/** Neo4j drops null properties; a finding read back has them as null again. */
const UNSET = {
  account: null,
  region: null,
  resolvedAt: null,
  reopenedAt: null,
  message: null,
  suppressionId: null,
  suppressionReason: null,
  suppressionBy: null,
  suppressionExpires: null,
} as const;

/** A page of findings, highest priority first, after an opaque cursor from an earlier page. */
export async function queryFindings(
  db: Database,
  catalog: RuleCatalog,
  filter: FindingFilter,
  page: {
    readonly first: number;
    readonly after?: string | null;
    /** false: skip the total (`totalCount` is then -1). */
    readonly count?: boolean;
  },
  now: string,
): Promise<FindingPage> {
  if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PAGE}`);
  }
  const after = page.after ? decodeCursor(page.after) : null;
  const ruleIds = rulesOf(catalog, filter);
  const filters = {
    ruleIds,
    severities: listOrNull(filter.severities),
    statuses: listOrNull(filter.statuses),
    accounts: listOrNull(filter.accounts),
    regions: listOrNull(filter.regions),
    resourceTypes: listOrNull(filter.resourceTypes),
    resources: listOrNull(filter.resources),
    onAttackPath: filter.onAttackPath ?? null,
    now,
  };
  // A filter that picks a few findings (resources, a few rules) reads and sorts them; other
  // pages walk the priority index from the top (a framework's rules are most of them).
  const narrow =
    filters.resources !== null || (filters.ruleIds !== null && filters.ruleIds.length <= 3);
  const rows = await readNamed<{ f: Node; status: FindingStatus }>(
    db,
    narrow ? 'findings/query-findings' : 'findings/query-findings-by-priority',
    {
      ...filters,
      afterPriority: after?.priority ?? null,
      afterId: after?.id ?? null,
      fromPriority: after?.priority ?? Number.MAX_VALUE,
      // One more than asked, to know whether another page follows.
      limit: neo4j.int(page.first + 1),
    },
  );
  // Exports walk every page and need no total; counting is a second pass over the findings,
  // except with no filter at all, when the count store answers.
  const unfiltered = Object.entries(filters).every(
    ([key, value]) => key === 'now' || value === null,
  );
  const [count] =
    page.count === false
      ? [undefined]
      : await readNamed<{ totalCount: number }>(
          db,
          unfiltered ? 'findings/count-all-findings' : 'findings/count-findings',
          unfiltered ? {} : filters,
        );
  const found = rows.map(({ f, status }) => ({
    ...UNSET,
    ...(f.properties as unknown as StoredFinding),
    status,
  }));
  const findings = found.slice(0, page.first);
  const last = findings.at(-1);
  return {
    totalCount: count?.totalCount ?? -1,
    findings,
    hasNextPage: found.length > page.first,
    endCursor: last ? encodeCursor(last.priority, last.id) : null,
  };
}

function rulesOf(catalog: RuleCatalog, filter: FindingFilter): string[] | null {
  let ids = filter.ruleIds ? new Set(filter.ruleIds) : null;
  if (filter.framework) {
    const controls = catalog.controlRules.get(filter.framework);
    if (!controls) throw new BadInputError(`unknown framework "${filter.framework}"`);
    if (filter.control !== undefined && !controls.has(filter.control)) {
      throw new BadInputError(`framework ${filter.framework} has no control "${filter.control}"`);
    }
    const mapped = new Set(
      [...controls.entries()]
        .filter(([control]) => filter.control === undefined || control === filter.control)
        .flatMap(([, rules]) => rules),
    );
    ids = ids ? new Set([...ids].filter((id) => mapped.has(id))) : mapped;
  } else if (filter.control !== undefined) {
    throw new BadInputError('a control filter needs a framework');
  }
  return ids ? [...ids] : null;
}

function listOrNull<T>(list: readonly T[] | undefined): readonly T[] | null {
  return list && list.length > 0 ? list : null;
}

export function encodeCursor(priority: number, id: string): string {
  return Buffer.from(JSON.stringify([priority, id])).toString('base64url');
}

function decodeCursor(cursor: string): { priority: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { priority: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError('after: not a cursor this API returned');
}

import type { Database } from '../db/connection.js';
import { BadInputError } from '../errors/cairn-error.js';
import type { RuleCatalog } from '../rules/catalog/rule-catalog.js';
import { SEVERITIES } from '../rules/catalog/rule-schema.js';
import type { FindingStatus } from '../rules/findings/finding.js';
import {
  MAX_PAGE,
  queryFindings,
  type FindingFilter,
  type FindingWithStatus,
} from '../rules/findings/query-findings.js';
import { listOf } from './export-options.js';

export const FINDING_STATUSES: readonly FindingStatus[] = ['OPEN', 'SUPPRESSED', 'RESOLVED'];

export interface FindingFilterOptions {
  readonly status?: string;
  readonly severity?: string;
  readonly framework?: string;
}

/** The export's filter flags, checked before the database is touched. */
export function findingFilterOf(
  options: FindingFilterOptions,
  catalog: RuleCatalog,
): FindingFilter {
  const statuses = listOf('--status', options.status, FINDING_STATUSES, (s) => s.toUpperCase());
  const severities = listOf('--severity', options.severity, SEVERITIES, (s) => s.toLowerCase());
  if (options.framework !== undefined) knownFramework(catalog, options.framework);
  return {
    ...(statuses ? { statuses } : {}),
    ...(severities ? { severities } : {}),
    ...(options.framework !== undefined ? { framework: options.framework } : {}),
  };
}

/** Fails with the frameworks that did load when `id` is not one of them. */
export function knownFramework(catalog: RuleCatalog, id: string): void {
  if (!catalog.frameworks.some((f) => f.id === id)) {
    const known = catalog.frameworks.map((f) => f.id).join(', ');
    throw new BadInputError(`--framework: unknown framework "${id}" (known: ${known || 'none'})`);
  }
}

/**
 * Every finding the filter selects, a page at a time, highest priority first. One `now` for the
 * whole walk, so a suppression expiring mid-export cannot move a finding between pages.
 */
export async function* findingPages(
  db: Database,
  catalog: RuleCatalog,
  filter: FindingFilter,
  now: string,
): AsyncGenerator<readonly FindingWithStatus[]> {
  let after: string | null = null;
  for (;;) {
    const page = await queryFindings(
      db,
      catalog,
      filter,
      { first: MAX_PAGE, after, count: false },
      now,
    );
    if (page.findings.length > 0) yield page.findings;
    if (!page.hasNextPage || page.endCursor === null) return;
    after = page.endCursor;
  }
}

import type { EventSelectors } from './cloudtrail-schemas.js';

export type ReadWriteType = 'All' | 'ReadOnly' | 'WriteOnly';

/** Whether a trail's selectors log management events, and which (reads, writes or both). */
export interface ManagementEvents {
  readonly logged: boolean;
  readonly readWriteType?: ReadWriteType;
}

/**
 * Reads basic selectors (IncludeManagementEvents, default true, with ReadWriteType) and advanced
 * ones (`eventCategory` = `Management`, optionally narrowed by `readOnly`). Several selectors add
 * up: reads in one and writes in another log both.
 */
export function managementEvents(selectors: EventSelectors): ManagementEvents {
  const types = new Set<string>();
  for (const selector of selectors.EventSelectors ?? []) {
    if (selector.IncludeManagementEvents !== false) types.add(selector.ReadWriteType ?? 'All');
  }
  for (const selector of selectors.AdvancedEventSelectors ?? []) {
    const field = (name: string) => selector.FieldSelectors.find((f) => f.Field === name);
    if (!field('eventCategory')?.Equals?.includes('Management')) continue;
    const readOnly = field('readOnly')?.Equals;
    types.add(
      readOnly?.length === 1 && readOnly[0] === 'true'
        ? 'ReadOnly'
        : readOnly?.length === 1 && readOnly[0] === 'false'
          ? 'WriteOnly'
          : 'All',
    );
  }
  if (types.size === 0) return { logged: false };
  const both = types.has('All') || (types.has('ReadOnly') && types.has('WriteOnly'));
  return {
    logged: true,
    readWriteType: both ? 'All' : types.has('ReadOnly') ? 'ReadOnly' : 'WriteOnly',
  };
}

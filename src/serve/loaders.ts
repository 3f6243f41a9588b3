import DataLoader from 'dataloader';
import type { Database } from '../db/connection.js';
import { readNamed } from '../db/transactions.js';
import type { EntityRow } from './node/entity-row.js';
import { stepEvidenceLoader } from './principal/step-evidence-loader.js';

/** Per-request loaders: every lookup of one kind in a request becomes one query. */
export interface Loaders {
  readonly entityById: DataLoader<string, EntityRow | null>;
  readonly stepEvidence: ReturnType<typeof stepEvidenceLoader>;
}

export interface QueryCounter {
  queries: number;
}

export function createLoaders(db: Database, counter?: QueryCounter): Loaders {
  return {
    entityById: new DataLoader(async (ids: readonly string[]) => {
      if (counter) counter.queries += 1;
      const rows = await readNamed<EntityRow>(db, 'serve/entities-by-id', { ids: [...ids] });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    stepEvidence: stepEvidenceLoader(db),
  };
}

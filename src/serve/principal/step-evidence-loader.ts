import DataLoader from 'dataloader';
import type { Database } from '../../db/connection.js';
import { decodeEvidence } from '../../analyze/aws/action-evidence.js';
import { readNamed } from '../../db/transactions.js';
import type { StepEvidence } from './escalation-path.type.js';

interface StepKey {
  readonly from: string;
  readonly to: string;
  readonly technique: string;
}

interface Row extends StepKey {
  evidence: string | null;
  pending: string | null;
  preconditions: string[] | null;
  through: string | null;
}

const keyOf = (k: StepKey): string => `${k.from}\n${k.to}\n${k.technique}`;

/** Evidence for the steps of a request's paths, in one query. */
export function stepEvidenceLoader(db: Database): DataLoader<StepKey, StepEvidence | null, string> {
  return new DataLoader(
    async (keys: readonly StepKey[]) => {
      const rows = await readNamed<Row>(db, 'serve/escalation-step-evidence', { keys: [...keys] });
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => {
        const row = byKey.get(keyOf(key));
        if (!row) return null;
        return {
          statements: row.evidence ? decodeEvidence(row.evidence, key.to) : [],
          pending: row.pending ? (JSON.parse(row.pending) as unknown) : [],
          preconditions: row.preconditions ?? [],
          through: row.through,
        };
      });
    },
    { cacheKeyFn: keyOf },
  );
}

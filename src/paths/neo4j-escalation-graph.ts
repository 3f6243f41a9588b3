import type { Database } from '../db/connection.js';
import { readNamed } from '../db/transactions.js';
import { defaultActions } from '../analyze/aws/escalation/catalog/index.js';
import type { EscalationGraph, StepEdge } from './escalation-graph.js';

/** Escalation edges as `cairn analyze` stored them: CAN_ASSUME and CAN_ESCALATE. */
export class Neo4jEscalationGraph implements EscalationGraph {
  constructor(private readonly db: Database) {}

  async outgoing(ids: readonly string[]): Promise<readonly StepEdge[]> {
    const rows = await readNamed<{
      from: string;
      to: string;
      technique: string;
      actions: string[] | null;
      grantsAdmin: boolean;
      conditional: boolean;
    }>(this.db, 'paths/escalation-out-edges', { ids: [...ids] });
    // Edges store `actions` only when they differ from their technique's.
    return rows.map((row) => ({
      ...row,
      actions: row.actions ?? [...(defaultActions(row.technique) ?? [])],
    }));
  }

  async admins(ids: readonly string[]): Promise<ReadonlySet<string>> {
    const rows = await readNamed<{ id: string }>(this.db, 'paths/admin-principals', {
      ids: [...ids],
    });
    return new Set(rows.map((row) => row.id));
  }
}

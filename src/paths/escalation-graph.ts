import type { EscalationEdge } from '../analyze/aws/escalation/escalation-edge.js';

/** One derived edge as path finding sees it (role assumption has the same shape). */
export type StepEdge = Pick<
  EscalationEdge,
  'from' | 'to' | 'technique' | 'actions' | 'grantsAdmin' | 'conditional'
>;

/** Where path finding reads edges from: the graph when serving, memory in case files. */
export interface EscalationGraph {
  /** Every escalation and assumption edge leaving these principals. */
  outgoing(ids: readonly string[]): Promise<readonly StepEdge[]>;
  /** Which of these principals are admin-equivalent by their own permissions. */
  admins(ids: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Edges held in memory. */
export class InMemoryEscalationGraph implements EscalationGraph {
  private readonly bySource = new Map<string, StepEdge[]>();

  constructor(
    edges: readonly StepEdge[],
    private readonly adminIds: ReadonlySet<string>,
  ) {
    for (const edge of edges) {
      const list = this.bySource.get(edge.from) ?? [];
      list.push(edge);
      this.bySource.set(edge.from, list);
    }
  }

  outgoing(ids: readonly string[]): Promise<readonly StepEdge[]> {
    return Promise.resolve(ids.flatMap((id) => this.bySource.get(id) ?? []));
  }

  admins(ids: readonly string[]): Promise<ReadonlySet<string>> {
    return Promise.resolve(new Set(ids.filter((id) => this.adminIds.has(id))));
  }
}

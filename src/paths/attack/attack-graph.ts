/** One hop an attacker can take, as path search sees it. */
export interface Hop {
  readonly from: number;
  readonly to: number;
  /** e.g. `network.reach`, `aws.iam.CreatePolicyVersion`, `aws.sts.AssumeRole`. */
  readonly technique: string;
  /** 0 < likelihood <= 1: how likely an attacker at `from` gets to `to` this way. */
  readonly likelihood: number;
  /** Where the evidence for the hop is (the derived edge it came from). */
  readonly ref: string;
  /** Ports of a reach hop (`tcp:443`), access levels of a data hop (`read`, `write`). */
  readonly detail?: readonly string[];
}

/**
 * The attack graph in memory: node ids interned to indices, hops by source. Built once per
 * analysis from the derived edges; searches then never touch the database.
 */
export class AttackGraph {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly out: Hop[][] = [];
  /** Hops by target, built on first use and dropped when a hop is added. */
  private into: Hop[][] | undefined;

  node(id: string): number {
    let at = this.index.get(id);
    if (at === undefined) {
      at = this.ids.length;
      this.index.set(id, at);
      this.ids.push(id);
      this.out.push([]);
    }
    return at;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  idOf(node: number): string {
    const id = this.ids[node];
    if (id === undefined) throw new RangeError(`no node ${node}`);
    return id;
  }

  get nodeCount(): number {
    return this.ids.length;
  }

  addHop(from: string, to: string, hop: Omit<Hop, 'from' | 'to'>): void {
    if (!(hop.likelihood > 0 && hop.likelihood <= 1)) {
      throw new RangeError(`likelihood of ${from} -> ${to} must be in (0, 1]`);
    }
    const source = this.node(from);
    this.out[source]!.push({ ...hop, from: source, to: this.node(to) });
    this.into = undefined;
  }

  hopsInto(node: number): readonly Hop[] {
    if (!this.into) {
      const into: Hop[][] = this.ids.map(() => []);
      for (const hops of this.out) for (const hop of hops) into[hop.to]!.push(hop);
      this.into = into;
    }
    return this.into[node] ?? [];
  }

  hopsFrom(node: number): readonly Hop[] {
    return this.out[node] ?? [];
  }
}

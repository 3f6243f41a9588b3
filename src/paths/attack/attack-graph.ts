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
 *
 * Searches keep the first of equally likely ways, so hops are read in a canonical order (by the
 * other end's id, then technique), never in the order they were added: that order follows the
 * database's storage order, which changes whenever derived edges are rewritten, and an unchanged
 * estate would then show paths as new and gone.
 */
export class AttackGraph {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly out: Hop[][] = [];
  /** Hops by target, built on first use and dropped when a hop is added. */
  private into: Hop[][] | undefined;
  /** Whether `out` is in canonical order; adding a hop spoils it until the next read. */
  private ordered = true;
  /** Each node's rank by id, built on first use and dropped when a node is added. */
  private rank: Int32Array | undefined;

  node(id: string): number {
    let at = this.index.get(id);
    if (at === undefined) {
      at = this.ids.length;
      this.index.set(id, at);
      this.ids.push(id);
      this.out.push([]);
      this.rank = undefined;
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
    this.ordered = false;
  }

  /** Hops into `node`, by source id (then technique). */
  hopsInto(node: number): readonly Hop[] {
    if (!this.into) {
      const into: Hop[][] = this.ids.map(() => []);
      for (const hops of this.out) for (const hop of hops) into[hop.to]!.push(hop);
      const rank = this.ranks();
      const canonical = (a: Hop, b: Hop): number => rank[a.from]! - rank[b.from]! || sameEnds(a, b);
      for (const hops of into) if (hops.length > 1) hops.sort(canonical);
      this.into = into;
    }
    return this.into[node] ?? [];
  }

  /** Hops out of `node`, by target id (then technique). */
  hopsFrom(node: number): readonly Hop[] {
    if (!this.ordered) {
      const rank = this.ranks();
      const canonical = (a: Hop, b: Hop): number => rank[a.to]! - rank[b.to]! || sameEnds(a, b);
      for (const hops of this.out) if (hops.length > 1) hops.sort(canonical);
      this.ordered = true;
    }
    return this.out[node] ?? [];
  }

  /**
   * Each node's rank among all ids in code-unit order. Hop lists are sorted by these numbers: one
   * sort of the distinct ids, then numeric compares (a string sort of every hop took 20 s at
   * 1.5 M hops).
   */
  private ranks(): Int32Array {
    if (!this.rank) {
      const byId = this.ids
        .map((_, node) => node)
        .sort((a, b) => compareCodeUnits(this.ids[a]!, this.ids[b]!));
      this.rank = new Int32Array(this.ids.length);
      byId.forEach((node, at) => (this.rank![node] = at));
    }
    return this.rank;
  }
}

/** Hops between the same two nodes: by technique, then evidence. */
function sameEnds(a: Hop, b: Hop): number {
  return compareCodeUnits(a.technique, b.technique) || compareCodeUnits(a.ref, b.ref);
}

/** Code-unit order: fast, and the same on every machine (no locale). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A set of integers as sorted, disjoint, non-adjacent closed intervals. Addresses (IPv4 and IPv6
 * in one space, see address-space.ts) and ports both use it, so one set of operations serves the
 * whole reachability analysis. Immutable.
 */
export class IntervalSet {
  static readonly EMPTY = new IntervalSet([]);

  private constructor(readonly ranges: readonly (readonly [bigint, bigint])[]) {}

  static of(lo: bigint, hi: bigint): IntervalSet {
    return lo > hi ? IntervalSet.EMPTY : new IntervalSet([[lo, hi]]);
  }

  static union(sets: readonly IntervalSet[]): IntervalSet {
    const all = sets
      .flatMap((s) => s.ranges)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const merged: [bigint, bigint][] = [];
    for (const [lo, hi] of all) {
      const last = merged[merged.length - 1];
      if (last && lo <= last[1] + 1n) {
        if (hi > last[1]) last[1] = hi;
      } else {
        merged.push([lo, hi]);
      }
    }
    return merged.length === 0 ? IntervalSet.EMPTY : new IntervalSet(merged);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  union(other: IntervalSet): IntervalSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return IntervalSet.union([this, other]);
  }

  intersect(other: IntervalSet): IntervalSet {
    const out: [bigint, bigint][] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [alo, ahi] = this.ranges[i] as readonly [bigint, bigint];
      const [blo, bhi] = other.ranges[j] as readonly [bigint, bigint];
      const lo = alo > blo ? alo : blo;
      const hi = ahi < bhi ? ahi : bhi;
      if (lo <= hi) out.push([lo, hi]);
      if (ahi < bhi) i += 1;
      else j += 1;
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  minus(other: IntervalSet): IntervalSet {
    if (this.isEmpty || other.isEmpty) return this;
    const out: [bigint, bigint][] = [];
    let j = 0;
    for (const [lo0, hi] of this.ranges) {
      let lo = lo0;
      while (j < other.ranges.length && (other.ranges[j] as readonly [bigint, bigint])[1] < lo)
        j += 1;
      let k = j;
      while (lo <= hi && k < other.ranges.length) {
        const [blo, bhi] = other.ranges[k] as readonly [bigint, bigint];
        if (blo > hi) break;
        if (blo > lo) out.push([lo, blo - 1n]);
        lo = bhi + 1n;
        k += 1;
      }
      if (lo <= hi) out.push([lo, hi]);
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  overlaps(other: IntervalSet): boolean {
    return !this.intersect(other).isEmpty;
  }

  equals(other: IntervalSet): boolean {
    return (
      this.ranges.length === other.ranges.length &&
      this.ranges.every((r, i) => r[0] === other.ranges[i]?.[0] && r[1] === other.ranges[i]?.[1])
    );
  }
}

/**
 * A fixed-size set of action indexes (one bit per catalog action: ~22k actions fit in under
 * 3 KB), so a principal's permissions become a handful of word-wise AND/OR operations.
 */
export class ActionBitSet {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array(Math.ceil(size / 32));
  }

  static full(size: number): ActionBitSet {
    return new ActionBitSet(size).fill();
  }

  has(index: number): boolean {
    return ((this.words[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
  }

  add(index: number): this {
    const word = index >>> 5;
    this.words[word] = (this.words[word] ?? 0) | (1 << (index & 31));
    return this;
  }

  fill(): this {
    this.words.fill(0xffffffff);
    return this.clearTail();
  }

  clone(): ActionBitSet {
    return new ActionBitSet(this.size, this.words.slice());
  }

  /** In place: this = this | other. */
  orWith(other: ActionBitSet): this {
    const w = this.words;
    const o = other.words;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) | (o[i] ?? 0);
    return this;
  }

  /** In place: this = this & other. */
  andWith(other: ActionBitSet): this {
    const w = this.words;
    const o = other.words;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) & (o[i] ?? 0);
    return this;
  }

  /** A new set holding every index not in this one. */
  complement(): ActionBitSet {
    const words = this.words.map((word) => ~word >>> 0);
    return new ActionBitSet(this.size, words).clearTail();
  }

  isEmpty(): boolean {
    return this.words.every((word) => word === 0);
  }

  *indexes(): IterableIterator<number> {
    for (let i = 0; i < this.size; i++) if (this.has(i)) yield i;
  }

  private clearTail(): this {
    const extra = this.words.length * 32 - this.size;
    if (extra > 0) {
      const last = this.words.length - 1;
      this.words[last] = ((this.words[last] ?? 0) & (0xffffffff >>> extra)) >>> 0;
    }
    return this;
  }
}

import { familyHeader, labelText, sampleValue, type Labels } from './prometheus-text.js';

/** Label sets past this many collapse into one `other` series, so hostile input cannot grow memory. */
export const MAX_SERIES = 500;

/** A monotonically increasing count, one series per label set. */
export class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly string[] = [],
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) return;
    const ordered = this.ordered(labels);
    let key = JSON.stringify(ordered);
    if (!this.series.has(key) && this.series.size >= MAX_SERIES) {
      const other = Object.fromEntries(this.labelNames.map((name) => [name, 'other']));
      key = JSON.stringify(other);
      if (!this.series.has(key)) this.series.set(key, { labels: other, value: 0 });
    }
    const entry = this.series.get(key) ?? { labels: ordered, value: 0 };
    entry.value += by;
    this.series.set(key, entry);
  }

  /** The value of one series (0 when it never moved). */
  value(labels: Labels = {}): number {
    return this.series.get(JSON.stringify(this.ordered(labels)))?.value ?? 0;
  }

  render(): string {
    let text = familyHeader(this.name, this.help, 'counter');
    if (this.labelNames.length === 0 && this.series.size === 0) text += `${this.name} 0\n`;
    for (const { labels, value } of this.series.values()) {
      text += `${this.name}${labelText(labels)} ${sampleValue(value)}\n`;
    }
    return text;
  }

  /** Declared label names only, in declared order, so one label set is one series. */
  private ordered(labels: Labels): Labels {
    return Object.fromEntries(this.labelNames.map((name) => [name, labels[name] ?? '']));
  }
}

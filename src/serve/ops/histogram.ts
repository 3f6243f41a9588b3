import { familyHeader, labelText, sampleValue } from './prometheus-text.js';

/** Prometheus's usual latency buckets, in seconds. */
export const DEFAULT_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** A histogram without labels: cumulative buckets, a sum and a count. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[] = DEFAULT_BUCKETS,
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    this.sum += value;
    this.count += 1;
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  render(): string {
    let text = familyHeader(this.name, this.help, 'histogram');
    let cumulative = 0;
    this.buckets.forEach((bound, index) => {
      cumulative += this.counts[index] ?? 0;
      text += `${this.name}_bucket${labelText({ le: sampleValue(bound) })} ${cumulative}\n`;
    });
    text += `${this.name}_bucket${labelText({ le: '+Inf' })} ${this.count}\n`;
    text += `${this.name}_sum ${sampleValue(this.sum)}\n`;
    text += `${this.name}_count ${this.count}\n`;
    return text;
  }
}

/** Anything that can write its metric family in the text format. */
export interface Metric {
  readonly name: string;
  render(): string;
}

/** A set of metrics rendered together for one scrape. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  register<M extends Metric>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  render(): string {
    return [...this.metrics.values()].map((metric) => metric.render()).join('');
  }
}

import { familyHeader, sampleValue } from './prometheus-text.js';

/** A value read when the metrics are scraped (memory, start time). */
export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string {
    return `${familyHeader(this.name, this.help, 'gauge')}${this.name} ${sampleValue(this.read())}\n`;
  }
}

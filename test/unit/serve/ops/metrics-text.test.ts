import { describe, expect, it } from 'vitest';
import { Counter, MAX_SERIES } from '../../../../src/serve/ops/counter.js';
import { Gauge } from '../../../../src/serve/ops/gauge.js';
import { Histogram } from '../../../../src/serve/ops/histogram.js';
import { MetricsRegistry } from '../../../../src/serve/ops/metrics-registry.js';
import { codeLabel, operationLabel } from '../../../../src/serve/ops/operation-label.js';
import { cairnMetrics } from '../../../../src/serve/ops/cairn-metrics.js';

describe('Prometheus text format', () => {
  it('renders counters by label set, in declared label order, with values escaped', () => {
    const counter = new Counter('x_total', 'Things\\counted\nhere.', ['operation', 'code']);
    counter.inc({ code: 'OK', operation: 'Q' });
    counter.inc({ operation: 'Q', code: 'OK' }, 2);
    counter.inc({ operation: 'a"b\\c\nd', code: 'E' });
    expect(counter.value({ operation: 'Q', code: 'OK' })).toBe(3);
    expect(counter.render()).toBe(
      [
        '# HELP x_total Things\\\\counted\\nhere.',
        '# TYPE x_total counter',
        'x_total{operation="Q",code="OK"} 3',
        'x_total{operation="a\\"b\\\\c\\nd",code="E"} 1',
        '',
      ].join('\n'),
    );
  });

  it('shows an unlabelled counter at 0 before it moves, and ignores negative steps', () => {
    const counter = new Counter('y_total', 'Y.');
    counter.inc({}, -5);
    expect(counter.render()).toBe('# HELP y_total Y.\n# TYPE y_total counter\ny_total 0\n');
  });

  it('collapses label sets past the series cap into one "other" series', () => {
    const counter = new Counter('z_total', 'Z.', ['operation']);
    for (let i = 0; i < MAX_SERIES + 10; i++) counter.inc({ operation: `op${i}` });
    expect(counter.value({ operation: 'other' })).toBe(10);
    expect(
      counter
        .render()
        .split('\n')
        .filter((l) => l.startsWith('z_total')),
    ).toHaveLength(MAX_SERIES + 1);
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', () => {
    const histogram = new Histogram('d_seconds', 'D.', [0.1, 1]);
    histogram.observe(0.05);
    histogram.observe(0.5);
    histogram.observe(3);
    histogram.observe(Number.NaN);
    histogram.observe(-1);
    expect(histogram.render()).toBe(
      [
        '# HELP d_seconds D.',
        '# TYPE d_seconds histogram',
        'd_seconds_bucket{le="0.1"} 1',
        'd_seconds_bucket{le="1"} 2',
        'd_seconds_bucket{le="+Inf"} 3',
        'd_seconds_sum 3.55',
        'd_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('renders gauges read at scrape time, and refuses a name registered twice', () => {
    let value = 1;
    const registry = new MetricsRegistry();
    registry.register(new Gauge('g', 'G.', () => value));
    value = 2;
    expect(registry.render()).toBe('# HELP g G.\n# TYPE g gauge\ng 2\n');
    expect(() => registry.register(new Gauge('g', 'G.', () => 0))).toThrow(/g registered twice/);
  });

  it("Cairn's registry declares every family once, each line a comment or a sample", () => {
    const text = cairnMetrics.render();
    for (const family of [
      'cairn_graphql_requests_total counter',
      'cairn_graphql_request_duration_seconds histogram',
      'cairn_db_queries_total counter',
      'process_start_time_seconds gauge',
      'process_resident_memory_bytes gauge',
    ]) {
      expect(text).toContain(`# TYPE ${family}\n`);
    }
    const sample =
      /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (-?[0-9.e+-]+|\+Inf|NaN)$/;
    for (const line of text.trimEnd().split('\n')) {
      if (!line.startsWith('# ')) expect(line).toMatch(sample);
    }
    const start = /^process_start_time_seconds (\S+)$/m.exec(text)?.[1];
    expect(Number(start)).toBeGreaterThan(Date.now() / 1000 - 3600);
    expect(Number(start)).toBeLessThanOrEqual(Date.now() / 1000);
  });
});

describe('metric labels from requests', () => {
  it('keep plain operation names and bound everything else', () => {
    expect(operationLabel('FindingsPage')).toBe('FindingsPage');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
    expect(operationLabel('a'.repeat(64))).toBe('a'.repeat(64));
    expect(operationLabel('a'.repeat(65))).toBe('invalid');
    expect(operationLabel('has space')).toBe('invalid');
    expect(operationLabel('x"}\nevil 1')).toBe('invalid');
    expect(operationLabel('1abc')).toBe('invalid');
  });

  it('name the outcome OK or the error code', () => {
    expect(codeLabel(undefined)).toBe('OK');
    expect(codeLabel('QUERY_TOO_DEEP')).toBe('QUERY_TOO_DEEP');
    expect(codeLabel({ evil: true })).toBe('invalid');
    expect(codeLabel('bad code')).toBe('invalid');
  });
});

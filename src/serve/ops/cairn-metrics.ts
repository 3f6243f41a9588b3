import { Counter } from './counter.js';
import { Gauge } from './gauge.js';
import { Histogram } from './histogram.js';
import { MetricsRegistry } from './metrics-registry.js';

// Node's own start, not this module's: the metric is about the process.
const startedAt = Date.now() / 1000 - process.uptime();

/** The metrics `/metrics` serves; one set per process, fed by the Apollo plugin and the database wrapper. */
export const cairnMetrics = new MetricsRegistry();

export const graphqlRequests = cairnMetrics.register(
  new Counter(
    'cairn_graphql_requests_total',
    'GraphQL requests by operation name and outcome (OK or the first error code).',
    ['operation', 'code'],
  ),
);

export const graphqlDuration = cairnMetrics.register(
  new Histogram(
    'cairn_graphql_request_duration_seconds',
    'Time from receiving a GraphQL request to sending its response.',
  ),
);

export const httpRefusals = cairnMetrics.register(
  new Counter(
    'cairn_http_refused_total',
    'Requests turned away before GraphQL ran (no or bad key, a viewer mutating, a body too large), by route and code.',
    ['route', 'code'],
  ),
);

export const dbQueries = cairnMetrics.register(
  new Counter('cairn_db_queries_total', 'Cypher queries the GraphQL server sent to Neo4j.'),
);

cairnMetrics.register(
  new Gauge(
    'process_start_time_seconds',
    'Start time of the process since the Unix epoch, in seconds.',
    () => startedAt,
  ),
);

cairnMetrics.register(
  new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () =>
    process.memoryUsage.rss(),
  ),
);

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../../db/connection.js';
import type { Authorizer } from '../auth/authorizer.js';
import { isRefusal, sendRefusal } from '../auth/refusal.js';
import { cairnMetrics } from './cairn-metrics.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';
import { checkReadiness } from './readiness.js';

export interface OpsOptions {
  readonly db: Database;
  /** Guards `/metrics`: any valid key once keys exist (an open loopback server lets all in). */
  readonly auth: Pick<Authorizer, 'authorize'>;
  readonly readinessTimeoutMs?: number;
}

/**
 * Answers `/readyz` (open, for probes) and `/metrics` (Prometheus); false for any other path.
 */
export async function serveOpsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: OpsOptions,
): Promise<boolean> {
  if (pathname === '/readyz') {
    const readiness = await checkReadiness(options.db, options.readinessTimeoutMs);
    if (readiness.ready) send(res, 200, 'text/plain; charset=utf-8', 'ready\n');
    else send(res, 503, 'text/plain; charset=utf-8', `not ready: ${readiness.reason}\n`);
    return true;
  }
  if (pathname === '/metrics') {
    const access = await options.auth.authorize(req);
    if (isRefusal(access)) sendRefusal(res, access, '/metrics');
    else send(res, 200, PROMETHEUS_CONTENT_TYPE, cairnMetrics.render());
    return true;
  }
  return false;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

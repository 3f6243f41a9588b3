import type { ServerResponse } from 'node:http';
import { httpRefusals } from '../ops/cairn-metrics.js';

/** Codes of requests refused for who sent them, not for what they asked. */
export const UNAUTHENTICATED = 'UNAUTHENTICATED';
export const FORBIDDEN = 'FORBIDDEN';

/** Why a request is turned away before anything runs, in the shape GraphQL clients read. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly code: typeof UNAUTHENTICATED | typeof FORBIDDEN;
  readonly message: string;
}

export function unauthenticated(message: string): Refusal {
  return { status: 401, code: UNAUTHENTICATED, message };
}

export function forbidden(message: string): Refusal {
  return { status: 403, code: FORBIDDEN, message };
}

export function isRefusal(value: object): value is Refusal {
  return 'status' in value && 'code' in value;
}

/** Sends the refusal and counts it on `/metrics` (Apollo's own counters never see it). */
export function sendRefusal(res: ServerResponse, refusal: Refusal, route: string): void {
  httpRefusals.inc({ route, code: refusal.code });
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (refusal.status === 401) res.setHeader('www-authenticate', 'Bearer realm="cairn"');
  const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
  res.end(`${JSON.stringify(body)}\n`);
}

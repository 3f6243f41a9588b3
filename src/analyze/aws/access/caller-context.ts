import type { ContextValue } from '../policy/index.js';
import type { AccessKind } from './access-kind.js';

/**
 * Request context a caller chooses or that follows from who it is, so conditions on it decide
 * instead of pending: a caller after data uses TLS (the usual "deny insecure transport" bucket
 * policy does not make every edge conditional), and KMS knows the caller's account.
 */
export function callerContext(
  kind: AccessKind,
  callerAccount: string | undefined,
): Readonly<Record<string, ContextValue>> {
  const key = `${kind}\n${callerAccount ?? ''}`;
  let context = contexts.get(key);
  if (!context) {
    context = {
      'aws:SecureTransport': true,
      ...(kind === 'kms-key' ? { 'kms:CallerAccount': callerAccount ?? null } : {}),
    };
    contexts.set(key, context);
  }
  return context;
}

const contexts = new Map<string, Readonly<Record<string, ContextValue>>>();

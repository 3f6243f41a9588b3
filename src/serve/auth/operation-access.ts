import type { OperationKind } from './operation-kind.js';
import { forbidden, type Refusal } from './refusal.js';
import { mayMutate, type Role } from './roles.js';

/**
 * Whether `role` may run what the request asks for; undefined when it may. The kind is only
 * worked out (parsing the operation) for roles that are limited.
 */
export function operationRefusal(role: Role, kindOf: () => OperationKind): Refusal | undefined {
  if (mayMutate(role)) return undefined;
  const kind = kindOf();
  if (kind === 'mutation' || kind === 'subscription') {
    return forbidden(`the ${role} role may not run a ${kind}; use an analyst or admin key`);
  }
  if (kind === 'opaque') {
    // A hash alone could name a mutation someone else registered.
    return forbidden(`the ${role} role must send the operation's text, not a persisted query hash`);
  }
  return undefined;
}

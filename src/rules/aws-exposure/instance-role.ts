import { objectList, optionalString, type Facts } from './evidence-fields.js';

/** The instance role facts a rule query gathers: `role`, `adminStatus`, `escalation`. */
export interface InstanceRole {
  readonly role: string | null;
  readonly instanceProfile: string | null;
  /** `admin`, `conditional`, `not-admin`; null when the role was not analyzed. */
  readonly adminStatus: string | null;
  /** The shortest CAN_ASSUME/CAN_ESCALATE chain to an admin-equivalent principal, if any. */
  readonly escalation: readonly Record<string, unknown>[];
}

export function instanceRoleOf(facts: Facts): InstanceRole {
  return {
    role: optionalString(facts, 'role'),
    instanceProfile: optionalString(facts, 'instanceProfile'),
    adminStatus: optionalString(facts, 'adminStatus'),
    escalation: objectList(facts, 'escalation'),
  };
}

/** Admin-equivalent outright, or unless a condition Cairn cannot check fails. */
export function isAdminLike(status: string | null): boolean {
  return status === 'admin' || status === 'conditional';
}

/** `role -> x (technique) -> y` for a message. */
export function describeChain(steps: readonly Record<string, unknown>[]): string {
  return steps
    .map((step) => {
      const how = typeof step['technique'] === 'string' ? step['technique'] : String(step['type']);
      const held = step['conditional'] === true ? ' (if its conditions hold)' : '';
      return `${how} -> ${String(step['to'])}${held}`;
    })
    .join(', ');
}

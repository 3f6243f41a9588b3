import { BadInputError } from '../../errors/cairn-error.js';
import { clipPrintable } from './clip-printable.js';

/** viewer reads; analyst also runs mutations; admin is analyst today, kept for what comes next. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function parseRole(value: string, where: string): Role {
  if (isRole(value)) return value;
  throw new BadInputError(
    `${where}: unknown role "${clipPrintable(value, 40)}"; expected ${ROLES.join(', ')}`,
  );
}

const MUTATING_ROLES: ReadonlySet<Role> = new Set(['analyst', 'admin']);

export function mayMutate(role: Role): boolean {
  return MUTATING_ROLES.has(role);
}

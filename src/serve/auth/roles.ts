import { BadInputError } from '../../errors/cairn-error.js';

/** viewer reads; analyst also runs mutations; admin is analyst today, kept for what comes next. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function parseRole(value: string, where: string): Role {
  if (isRole(value)) return value;
  throw new BadInputError(`${where}: unknown role "${clip(value)}"; expected ${ROLES.join(', ')}`);
}

const MUTATING_ROLES: ReadonlySet<Role> = new Set(['analyst', 'admin']);

export function mayMutate(role: Role): boolean {
  return MUTATING_ROLES.has(role);
}

function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}...` : printable;
}

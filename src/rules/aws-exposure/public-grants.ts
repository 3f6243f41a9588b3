import { BadInputError } from '../../errors/cairn-error.js';
import { isObject, objectList, storedJson, type Facts } from './evidence-fields.js';

/** One CAN_ACCESS edge from the Internet, as a rule query collects it (`grants`). */
export interface PublicGrant {
  readonly audience: string;
  /** Every level reached, conditional ones included. */
  readonly levels: readonly string[];
  readonly conditionalLevels: readonly string[];
  readonly actions: readonly string[];
  readonly pending: unknown;
  /** How strangers get it: policy statements, ACL grants, public attributes. */
  readonly how: GrantRoute;
}

export interface GrantRoute {
  /** `<policy id>#<statement index>` with the Sid in parentheses when it has one. */
  readonly statements: readonly string[];
  /** e.g. `AllUsers:READ`. */
  readonly acl: readonly string[];
  /** e.g. `launchPermission: all`. */
  readonly attributes: readonly string[];
}

export function publicGrantsOf(facts: Facts): PublicGrant[] {
  return objectList(facts, 'grants').map((edge, index) => {
    const where = `${facts.resource}: grants[${index}]`;
    return {
      audience: typeof edge['audience'] === 'string' ? edge['audience'] : 'anyone',
      levels: strings(edge['levels'], `${where}.levels`),
      conditionalLevels: strings(edge['conditionalLevels'], `${where}.conditionalLevels`),
      actions: strings(edge['actions'], `${where}.actions`),
      pending: edge['pending'] == null ? null : storedJson(edge['pending'], `${where}.pending`),
      how: routeOf(storedJson(edge['evidence'], `${where}.evidence`), `${where}.evidence`),
    };
  });
}

function strings(value: unknown, where: string): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw new BadInputError(`${where} is not a list of strings`);
  return value;
}

/** Reads the compact per-action evidence: `[{action, by?: [[type, id, index, effect, sid?]], acl?, attribute?}]`. */
function routeOf(evidence: unknown, where: string): GrantRoute {
  if (!Array.isArray(evidence)) throw new BadInputError(`${where} is not a list`);
  const statements = new Set<string>();
  const acl = new Set<string>();
  const attributes = new Set<string>();
  for (const item of evidence) {
    if (!isObject(item)) continue;
    for (const ref of Array.isArray(item['by']) ? item['by'] : []) {
      if (!Array.isArray(ref)) continue;
      const [, policyId, index, effect, sid] = ref as unknown[];
      if (effect !== 'Allow' || typeof policyId !== 'string') continue;
      const named = typeof sid === 'string' && sid !== '' ? ` (${sid})` : '';
      statements.add(`${policyId}#${String(index)}${named}`);
    }
    const grant = item['acl'];
    if (isObject(grant)) acl.add(`${String(grant['group'])}:${String(grant['permission'])}`);
    if (typeof item['attribute'] === 'string') attributes.add(item['attribute']);
  }
  return { statements: [...statements], acl: [...acl], attributes: [...attributes] };
}

/** "bucket policy statements x; ACL grants y" for a message. */
export function describeRoute(route: GrantRoute): string {
  const parts: string[] = [];
  if (route.statements.length > 0) parts.push(`policy ${route.statements.join(', ')}`);
  if (route.acl.length > 0) parts.push(`ACL grant ${route.acl.join(', ')}`);
  if (route.attributes.length > 0) parts.push(route.attributes.join(', '));
  return parts.length > 0 ? parts.join('; ') : 'a public grant';
}

import { parseArn } from '../../../collectors/aws/iam/arn.js';
import { BadInputError } from '../../../errors/cairn-error.js';
import type { RequestPrincipal } from './request.js';

export type CallerKind =
  | 'user'
  | 'role-session'
  | 'federated-user'
  | 'root'
  | 'service'
  | 'federated'
  | 'canonical-user'
  | 'anonymous';

/** The calling principal, resolved from what the caller gave into the facts policies test. */
export interface CallerIdentity {
  readonly kind: CallerKind;
  readonly account: string | undefined;
  /** `aws:PrincipalArn`: the user, role (not session) or root ARN. */
  readonly principalArn: string | undefined;
  readonly sessionArn: string | undefined;
  readonly userName: string | undefined;
  readonly isServiceLinkedRole: boolean;
  readonly name: string | undefined;
}

export function resolveCaller(principal: RequestPrincipal): CallerIdentity {
  const base = { account: undefined, principalArn: undefined, sessionArn: undefined };
  const plain = { ...base, userName: undefined, isServiceLinkedRole: false };
  if (principal.service) return { ...plain, kind: 'service', name: principal.service };
  if (principal.federated) return { ...plain, kind: 'federated', name: principal.federated };
  if (principal.canonicalUserId && !principal.arn) {
    return { ...plain, kind: 'canonical-user', name: principal.canonicalUserId };
  }
  if (principal.anonymous || !principal.arn)
    return { ...plain, kind: 'anonymous', name: undefined };
  const key = `${principal.arn}\n${principal.sessionArn ?? ''}`;
  let identity = resolved.get(key);
  if (!identity) {
    identity = fromArn(principal.arn, principal.sessionArn);
    if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
    resolved.set(key, identity);
  }
  return identity;
}

/** Batch evaluation asks about the same callers again and again; identities are immutable. */
const resolved = new Map<string, CallerIdentity>();
const RESOLVED_LIMIT = 100_000;

function fromArn(arn: string, sessionArn: string | undefined): CallerIdentity {
  const parsed = parseArn(arn);
  const bad = (): never => {
    throw new BadInputError(
      `principal ARN "${arn}" is not an IAM user, role, root, role-session or federated-user ARN`,
    );
  };
  if (!parsed) return bad();
  const { partition, account, resource } = parsed;
  const common = { account, isServiceLinkedRole: false, name: undefined };
  if (parsed.service === 'iam' && resource === 'root') {
    return { ...common, kind: 'root', principalArn: arn, sessionArn, userName: undefined };
  }
  if (parsed.service === 'iam' && resource.startsWith('user/')) {
    const userName = resource.slice(resource.lastIndexOf('/') + 1);
    return { ...common, kind: 'user', principalArn: arn, sessionArn, userName };
  }
  if (parsed.service === 'iam' && resource.startsWith('role/')) {
    const isServiceLinkedRole = resource.startsWith('role/aws-service-role/');
    return {
      ...common,
      kind: 'role-session',
      principalArn: arn,
      sessionArn,
      userName: undefined,
      isServiceLinkedRole,
    };
  }
  if (parsed.service === 'sts' && resource.startsWith('assumed-role/')) {
    // The session ARN drops the role's path; without it, assume the role has none.
    const roleName = resource.split('/')[1] ?? '';
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
    return {
      ...common,
      kind: 'role-session',
      principalArn: roleArn,
      sessionArn: arn,
      userName: undefined,
    };
  }
  if (parsed.service === 'sts' && resource.startsWith('federated-user/')) {
    // GetFederationToken sessions: the session ARN is also the principal ARN.
    return {
      ...common,
      kind: 'federated-user',
      principalArn: arn,
      sessionArn: arn,
      userName: undefined,
    };
  }
  return bad();
}

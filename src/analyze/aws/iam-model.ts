import type { Database } from '../../db/connection.js';
import { buildIamModel } from './estate/build-iam-model.js';
import type { PolicyKind } from './estate/iam-estate.js';
import { readIamEstate } from './estate/read-iam-estate.js';
import type { PolicyCache } from './policy-cache.js';
import type { ActionCatalog, CompiledPolicy, PolicySet, RequestPrincipal } from './policy/index.js';

/** Which policy reaches a principal, and how: what escalation techniques can modify. */
export interface PolicyRef {
  readonly id: string;
  readonly kind: PolicyKind;
  readonly via?: string;
}

/** One IAM user or role, ready for evaluation: its policies compiled, its trust policy too. */
export interface IamPrincipal {
  readonly id: string;
  readonly kind: 'user' | 'role';
  readonly account: string;
  readonly scope: string;
  readonly path: string;
  /** Identity, boundary and the account's SCP chain. */
  readonly policies: PolicySet;
  readonly policyRefs: readonly PolicyRef[];
  /** A boundary exists but its document was not collected: nothing it limits is certain. */
  readonly boundaryUnknown: boolean;
  readonly trust?: CompiledPolicy;
  /** The trust document's text: roles with equal trusts share decisions. */
  readonly trustKey?: string;
  readonly groups: readonly string[];
  readonly instanceProfiles: readonly string[];
  /** Undefined when not collected. */
  readonly accessKeys?: number;
  readonly consolePassword?: boolean;
}

export interface IamGroup {
  readonly id: string;
  readonly account: string;
  readonly policies: readonly CompiledPolicy[];
}

export interface AccountControls {
  readonly scps?: PolicySet['scps'];
  readonly managementAccountId?: string;
}

export interface IamModel {
  readonly principals: readonly IamPrincipal[];
  readonly accounts: ReadonlyMap<string, { scope: string; controls: AccountControls }>;
  readonly groups: ReadonlyMap<string, IamGroup>;
  readonly cache: PolicyCache;
}

/** Reads every loaded AWS account's principals, groups and SCP chains, compiling each policy once. */
export async function loadIamModel(db: Database, catalog: ActionCatalog): Promise<IamModel> {
  return buildIamModel(await readIamEstate(db), catalog);
}

/** How a principal appears in a request: a user by ARN, a role as one of its sessions. */
export function requestPrincipalOf(principal: IamPrincipal): RequestPrincipal {
  let request = requestPrincipals.get(principal);
  if (!request) {
    const name = principal.id.slice(principal.id.lastIndexOf('/') + 1);
    request =
      principal.kind === 'role'
        ? {
            arn: principal.id,
            sessionArn: `arn:aws:sts::${principal.account}:assumed-role/${name}/cairn-analysis`,
          }
        : { arn: principal.id };
    requestPrincipals.set(principal, request);
  }
  return request;
}

/** Analysis asks for the same principals' request shape millions of times. */
const requestPrincipals = new WeakMap<IamPrincipal, RequestPrincipal>();

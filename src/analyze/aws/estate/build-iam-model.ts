import { PolicyCache } from '../policy-cache.js';
import type { ActionCatalog, CompiledPolicy } from '../policy/index.js';
import type { AccountControls, IamGroup, IamModel, IamPrincipal, PolicyRef } from '../iam-model.js';
import type { IamEstate, StoredPolicy } from './iam-estate.js';

/** Compiles every policy of the estate once (shared policies by id) into an evaluable model. */
export function buildIamModel(estate: IamEstate, catalog: ActionCatalog): IamModel {
  const cache = new PolicyCache(catalog);
  const compiled = (stored: readonly StoredPolicy[]): CompiledPolicy[] =>
    stored.flatMap((p) => cache.get(p) ?? []);
  const refs = (stored: readonly StoredPolicy[]): PolicyRef[] =>
    stored.map((p) => ({ id: p.id, kind: p.kind ?? 'inline', ...(p.via ? { via: p.via } : {}) }));

  const accounts = new Map<string, { scope: string; controls: AccountControls }>();
  for (const account of estate.accounts) {
    const controls: AccountControls = {
      ...(account.scpLevels.length ? { scps: account.scpLevels.map((l) => compiled(l)) } : {}),
      ...(account.managementAccountId ? { managementAccountId: account.managementAccountId } : {}),
    };
    accounts.set(account.account, { scope: account.scope, controls });
  }
  const principals: IamPrincipal[] = estate.principals.map((row) => {
    const controls = accounts.get(row.account)?.controls ?? {};
    const boundary = row.boundary ? cache.get(row.boundary) : undefined;
    const trust =
      row.trustPolicy !== undefined && row.trustPolicy !== null
        ? cache.get({ id: `${row.id}#trust`, document: row.trustPolicy })
        : undefined;
    return {
      id: row.id,
      kind: row.kind,
      account: row.account,
      scope: row.scope,
      path: row.path ?? '/',
      boundaryUnknown: row.boundaryUnknown ?? false,
      policies: {
        identity: compiled(row.policies),
        ...(boundary ? { permissionsBoundary: boundary } : {}),
        ...controls,
      },
      policyRefs: refs(row.policies),
      groups: row.groups ?? [],
      instanceProfiles: row.instanceProfiles ?? [],
      ...(row.accessKeys !== undefined ? { accessKeys: row.accessKeys } : {}),
      ...(row.consolePassword !== undefined ? { consolePassword: row.consolePassword } : {}),
      ...(trust
        ? {
            trust,
            trustKey:
              typeof row.trustPolicy === 'string'
                ? row.trustPolicy
                : JSON.stringify(row.trustPolicy),
          }
        : {}),
    };
  });
  const groups = new Map<string, IamGroup>(
    estate.groups.map((group) => [
      group.id,
      { id: group.id, account: group.account, policies: compiled(group.policies) },
    ]),
  );
  return { principals, accounts, groups, cache };
}

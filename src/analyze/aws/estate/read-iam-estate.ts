import type { Database } from '../../../db/connection.js';
import { readNamed } from '../../../db/transactions.js';
import type {
  EstateAccount,
  EstateGroup,
  EstatePrincipal,
  IamEstate,
  StoredPolicy,
} from './iam-estate.js';

interface PrincipalRow {
  id: string;
  kind: 'user' | 'role';
  path: string | null;
  trustPolicy: string | null;
  policies: StoredPolicy[];
  boundary: StoredPolicy | null;
  boundaryUnknown: boolean;
  groups: string[];
  accessKeys: number | null;
  consolePassword: boolean | null;
  instanceProfiles: string[];
}

interface ScpChainRow {
  managementAccountId: string | null;
  levels: { target: string; policies: StoredPolicy[] }[];
}

/** The IAM estate of every loaded AWS account, as stored in the graph. */
export async function readIamEstate(db: Database): Promise<IamEstate> {
  const accounts: EstateAccount[] = [];
  const principals: EstatePrincipal[] = [];
  const groups: EstateGroup[] = [];
  for (const { scope, account } of await readNamed<{ scope: string; account: string }>(
    db,
    'analyze/aws-account-scopes',
  )) {
    const [chain] = await readNamed<ScpChainRow>(db, 'analyze/aws-scp-chain', { account });
    accounts.push({
      account,
      scope,
      scpLevels: chain?.levels.map((level) => level.policies) ?? [],
      ...(chain?.managementAccountId ? { managementAccountId: chain.managementAccountId } : {}),
    });
    for (const row of await readNamed<PrincipalRow>(db, 'analyze/aws-principal-policies', {
      scope,
    })) {
      principals.push({
        id: row.id,
        kind: row.kind,
        account,
        scope,
        ...(row.path ? { path: row.path } : {}),
        ...(row.trustPolicy ? { trustPolicy: row.trustPolicy } : {}),
        policies: row.policies,
        ...(row.boundary ? { boundary: row.boundary } : {}),
        boundaryUnknown: row.boundaryUnknown,
        groups: row.groups,
        instanceProfiles: row.instanceProfiles,
        ...(row.accessKeys !== null ? { accessKeys: row.accessKeys } : {}),
        ...(row.consolePassword !== null ? { consolePassword: row.consolePassword } : {}),
      });
    }
    for (const row of await readNamed<{ id: string; policies: StoredPolicy[] }>(
      db,
      'analyze/aws-groups',
      { scope },
    )) {
      groups.push({ id: row.id, account, policies: row.policies });
    }
  }
  return { accounts, principals, groups };
}

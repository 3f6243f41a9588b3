import { Provider } from '../../../model/provider.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../../records/graph-records.js';
import type {
  AttachedPolicy,
  AuthzPage,
  GroupDetail,
  InlinePolicy,
  ManagedPolicyDetail,
  RoleDetail,
  UserDetail,
} from './authz-dump-schema.js';
import { isAwsManagedPolicyArn } from './arn.js';
import type { DecodedDocuments } from './decode-documents.js';

/** Inline policies have no ARN; this id is stable and names the owner and the policy. */
export function inlinePolicyId(ownerArn: string, policyName: string): string {
  return `${ownerArn}#inline/${policyName}`;
}

/**
 * One account's authorization details as records. Pure: every document was decoded (and its
 * problems reported) before, so this only reshapes. References to policies or groups the dump
 * does not describe become stubs.
 */
export function authzToRecords(
  account: string,
  page: AuthzPage,
  docs: DecodedDocuments,
): GraphRecords {
  const nodes = new Map<string, NodeRecord>();
  const stubs = new Map<string, NodeRecord>();
  const rels: RelRecord[] = [];
  const add = (model: string, id: string, properties: Record<string, unknown>): void => {
    nodes.set(id, { model, id, stub: false, properties });
  };
  const rel = (
    type: string,
    from: string,
    to: string,
    properties: Record<string, unknown> = {},
  ): void => {
    rels.push({ type, from, to, properties });
  };
  const inAccount = (id: string): void => rel('IN_ACCOUNT', id, account);

  // An IAM dump only names its account; Organizations data describes it (name, email, OU).
  stubs.set(account, { model: 'AWSAccount', id: account, stub: true, properties: {} });
  for (const policy of page.Policies) addManagedPolicy(policy);
  const groupArnByName = new Map(page.GroupDetailList.map((g) => [g.GroupName, g.Arn]));
  for (const group of page.GroupDetailList) addGroup(group);
  for (const user of page.UserDetailList) addUser(user);
  for (const role of page.RoleDetailList) addRole(role);

  function addManagedPolicy(policy: ManagedPolicyDetail): void {
    const document = docs.managed.get(policy.Arn) ?? {};
    const name = policy.PolicyName ?? policy.Arn.slice(policy.Arn.lastIndexOf('/') + 1);
    if (isAwsManagedPolicyArn(policy.Arn)) {
      add('AWSManagedPolicy', policy.Arn, {
        name,
        document,
        defaultVersionId: policy.DefaultVersionId,
        path: policy.Path,
      });
      return;
    }
    add('AWSPolicy', policy.Arn, {
      name,
      policyType: 'managed',
      document,
      defaultVersionId: policy.DefaultVersionId,
      path: policy.Path,
      attachmentCount: policy.AttachmentCount,
      createDate: isoDate(policy.CreateDate),
      updateDate: isoDate(policy.UpdateDate),
    });
    inAccount(policy.Arn);
  }

  function attachPolicies(
    ownerArn: string,
    inline: InlinePolicy[] = [],
    attached: AttachedPolicy[] = [],
  ): void {
    for (const policy of inline) {
      const id = inlinePolicyId(ownerArn, policy.PolicyName);
      add('AWSPolicy', id, {
        name: policy.PolicyName,
        policyType: 'inline',
        document: docs.inline.get(id) ?? {},
      });
      rel('HAS_POLICY', ownerArn, id, { attachment: 'inline' });
    }
    for (const policy of attached) {
      referencePolicy(policy.PolicyArn, policy.PolicyName);
      rel('HAS_POLICY', ownerArn, policy.PolicyArn, { attachment: 'managed' });
    }
  }

  function referencePolicy(arn: string, name: string | undefined): void {
    if (nodes.has(arn) || stubs.has(arn)) return;
    const model = isAwsManagedPolicyArn(arn) ? 'AWSManagedPolicy' : 'AWSPolicy';
    stubs.set(arn, { model, id: arn, stub: true, properties: name ? { name } : {} });
  }

  function addBoundary(ownerArn: string, boundaryArn: string | undefined): void {
    if (!boundaryArn) return;
    referencePolicy(boundaryArn, undefined);
    rel('HAS_BOUNDARY', ownerArn, boundaryArn);
  }

  function addGroup(group: GroupDetail): void {
    add('AWSGroup', group.Arn, {
      name: group.GroupName,
      groupId: group.GroupId,
      path: group.Path,
      createDate: isoDate(group.CreateDate),
    });
    inAccount(group.Arn);
    attachPolicies(group.Arn, group.GroupPolicyList, group.AttachedManagedPolicies);
  }

  function addUser(user: UserDetail): void {
    add('AWSUser', user.Arn, {
      name: user.UserName,
      userId: user.UserId,
      path: user.Path,
      createDate: isoDate(user.CreateDate),
      permissionsBoundaryArn: user.PermissionsBoundary?.PermissionsBoundaryArn,
      tags: tagObject(user.Tags),
    });
    inAccount(user.Arn);
    attachPolicies(user.Arn, user.UserPolicyList, user.AttachedManagedPolicies);
    addBoundary(user.Arn, user.PermissionsBoundary?.PermissionsBoundaryArn);
    for (const groupName of user.GroupList ?? []) {
      // The dump names groups; a group it does not detail gets its ARN from the account.
      const groupArn =
        groupArnByName.get(groupName) ?? `arn:aws:iam::${account}:group/${groupName}`;
      if (!groupArnByName.has(groupName) && !stubs.has(groupArn)) {
        stubs.set(groupArn, {
          model: 'AWSGroup',
          id: groupArn,
          stub: true,
          properties: { name: groupName },
        });
      }
      rel('MEMBER_OF', user.Arn, groupArn);
    }
  }

  function addRole(role: RoleDetail): void {
    add('AWSRole', role.Arn, {
      name: role.RoleName,
      roleId: role.RoleId,
      path: role.Path,
      createDate: isoDate(role.CreateDate),
      trustPolicy: docs.trust.get(role.Arn),
      maxSessionDuration: role.MaxSessionDuration,
      permissionsBoundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn,
      lastUsed: isoDate(role.RoleLastUsed?.LastUsedDate),
      lastUsedRegion: role.RoleLastUsed?.Region,
      tags: tagObject(role.Tags),
    });
    inAccount(role.Arn);
    for (const service of trustedServices(docs.trust.get(role.Arn))) {
      add('AWSServicePrincipal', service, { name: service });
      rel('TRUSTS_SERVICE', role.Arn, service);
    }
    // The dump does not list identity providers; a trust that names one still needs its node for
    // the federated CAN_ASSUME edge (and the attack paths that start there).
    for (const provider of trustedPrincipals(docs.trust.get(role.Arn), 'Federated')) {
      const model = federatedModel(provider);
      if (model && !nodes.has(provider) && !stubs.has(provider))
        stubs.set(provider, { model, id: provider, stub: true, properties: {} });
    }
    // Likewise the principals of other accounts it trusts: their account's own dump (if any)
    // describes them; until then they are references, and analysis draws their edges from them.
    for (const trusted of trustedPrincipals(docs.trust.get(role.Arn), 'AWS')) {
      const stub = otherAccountStub(trusted, account);
      if (stub && !nodes.has(stub.id) && !stubs.has(stub.id)) stubs.set(stub.id, stub);
    }
    attachPolicies(role.Arn, role.RolePolicyList, role.AttachedManagedPolicies);
    addBoundary(role.Arn, role.PermissionsBoundary?.PermissionsBoundaryArn);
    for (const profile of role.InstanceProfileList ?? []) {
      if (!nodes.has(profile.Arn)) {
        add('AWSInstanceProfile', profile.Arn, {
          name: profile.InstanceProfileName,
          path: profile.Path,
          instanceProfileId: profile.InstanceProfileId,
          createDate: isoDate(profile.CreateDate),
        });
        inAccount(profile.Arn);
      }
      rel('HAS_ROLE', profile.Arn, role.Arn);
    }
  }

  for (const [id, stub] of stubs) if (!nodes.has(id)) nodes.set(`stub:${id}`, stub);
  return {
    scope: { provider: Provider.AWS, id: account },
    nodes: [...nodes.values()],
    relationships: rels,
  };
}

/**
 * The service principals a trust policy names (`Principal: {Service: ...}`), as nodes that
 * CAN_ASSUME edges can start from. Only plausible names: a trust is data the account owner wrote.
 */
function trustedServices(trust: Record<string, unknown> | undefined): string[] {
  return trustedPrincipals(trust, 'Service').filter((service) => SERVICE_PRINCIPAL.test(service));
}

/** The principals of one kind (`Service`, `Federated`) a trust policy's statements name. */
function trustedPrincipals(
  trust: Record<string, unknown> | undefined,
  kind: 'Service' | 'Federated' | 'AWS',
): string[] {
  const statements = trust?.['Statement'];
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const names = new Set<string>();
  for (const statement of list) {
    if (typeof statement !== 'object' || statement === null) continue;
    const principal = (statement as Record<string, unknown>)['Principal'];
    if (typeof principal !== 'object' || principal === null) continue;
    const named = (principal as Record<string, unknown>)[kind];
    for (const name of Array.isArray(named) ? named : [named]) {
      if (typeof name === 'string') names.add(name);
    }
  }
  return [...names];
}

/** A reference to a principal of another account a trust names: its account, user or role. */
function otherAccountStub(trusted: string, account: string): NodeRecord | undefined {
  const arn = /^arn:aws[a-z-]*:iam::(\d{12}):(root|user\/[^\s]{1,512}|role\/[^\s]{1,512})$/.exec(
    trusted,
  );
  const other = /^\d{12}$/.test(trusted) ? trusted : arn?.[1];
  if (!other || other === account) return undefined;
  const kind = arn?.[2] ?? 'root';
  if (kind === 'root') return { model: 'AWSAccount', id: other, stub: true, properties: {} };
  const model = kind.startsWith('user/') ? 'AWSUser' : 'AWSRole';
  return { model, id: trusted, stub: true, properties: {} };
}

/** An IAM identity provider ARN's model; web identities such as accounts.google.com have none. */
function federatedModel(arn: string): 'AWSOidcProvider' | 'AWSSamlProvider' | undefined {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:(oidc|saml)-provider\/[^\s]{1,512}$/.test(arn))
    return undefined;
  return arn.includes(':oidc-provider/') ? 'AWSOidcProvider' : 'AWSSamlProvider';
}

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]{0,126}\.amazonaws\.com(\.cn)?$/;

function tagObject(
  tags: { Key: string; Value: string }[] | undefined,
): Record<string, string> | undefined {
  if (!tags?.length) return undefined;
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}

/** AWS prints `2024-01-02T03:04:05+00:00` or `...Z`; both are ISO-8601 with an offset. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

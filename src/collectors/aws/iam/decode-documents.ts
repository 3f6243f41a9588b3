import type { AuthzPage } from './authz-dump-schema.js';
import { inlinePolicyId } from './authz-to-records.js';
import { decodePolicyDocument } from './policy-document-text.js';

/** Every policy document of a dump, decoded, keyed by the id of the node that will carry it. */
export interface DecodedDocuments {
  readonly managed: Map<string, Record<string, unknown>>;
  readonly inline: Map<string, Record<string, unknown>>;
  readonly trust: Map<string, Record<string, unknown>>;
}

/**
 * Decodes all documents, collecting a problem (with its place in the dump) for each one that is
 * not a JSON object, so the user sees the first bad document and how many there are.
 */
export function decodeDocuments(page: AuthzPage, problems: string[]): DecodedDocuments {
  const docs: DecodedDocuments = { managed: new Map(), inline: new Map(), trust: new Map() };
  const decode = (
    where: string,
    value: string | Record<string, unknown> | undefined,
    into: Map<string, Record<string, unknown>>,
    id: string,
  ): void => {
    if (value === undefined) return;
    const result = decodePolicyDocument(value);
    if ('problem' in result) problems.push(`${where} ${result.problem}`);
    else into.set(id, result.document);
  };
  const inline = (
    list: string,
    index: number,
    ownerArn: string,
    policies: AuthzPage['RoleDetailList'][number]['RolePolicyList'],
    field: string,
  ): void => {
    (policies ?? []).forEach((policy, i) => {
      decode(
        `${list}[${index}] (${ownerArn}) ${field}[${i}] "${policy.PolicyName}": PolicyDocument`,
        policy.PolicyDocument,
        docs.inline,
        inlinePolicyId(ownerArn, policy.PolicyName),
      );
    });
  };

  page.Policies.forEach((policy, index) => {
    const where = `Policies[${index}] (${policy.Arn})`;
    const version =
      policy.PolicyVersionList.find((v) => v.IsDefaultVersion === true) ??
      policy.PolicyVersionList.find((v) => v.VersionId === policy.DefaultVersionId);
    if (!version?.Document) {
      problems.push(`${where}: PolicyVersionList has no default version with a Document`);
      return;
    }
    decode(`${where}: default version Document`, version.Document, docs.managed, policy.Arn);
  });
  page.UserDetailList.forEach((u, i) =>
    inline('UserDetailList', i, u.Arn, u.UserPolicyList, 'UserPolicyList'),
  );
  page.GroupDetailList.forEach((g, i) =>
    inline('GroupDetailList', i, g.Arn, g.GroupPolicyList, 'GroupPolicyList'),
  );
  page.RoleDetailList.forEach((role, i) => {
    inline('RoleDetailList', i, role.Arn, role.RolePolicyList, 'RolePolicyList');
    decode(
      `RoleDetailList[${i}] (${role.Arn}): AssumeRolePolicyDocument`,
      role.AssumeRolePolicyDocument,
      docs.trust,
      role.Arn,
    );
  });
  return docs;
}

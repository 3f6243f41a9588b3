import type { z } from 'zod';
import { BadInputError } from '../../../errors/cairn-error.js';
import { Provider } from '../../../model/provider.js';
import { describeIssue } from '../../../records/describe-issue.js';
import {
  flattenGraphRecords,
  type GraphRecords,
  type NodeRecord,
  type RelRecord,
} from '../../../records/graph-records.js';
import { validateGraphRecords } from '../../../records/validate-graph-records.js';
import { parseJson } from '../../input/read-json-file.js';
import { readOrgFiles, type OrgFiles } from './org-files.js';
import {
  describeOrganization,
  describePolicy,
  listAccounts,
  listOrganizationalUnits,
  listRoots,
  listTargets,
} from './org-schemas.js';

/**
 * `cairn import aws-org <dir-or-file>`: an organization's structure, accounts, SCPs and RCPs
 * (format: docs/formats/aws-org.md). One scope per organization: `aws:org/<o-id>`.
 */
export async function readOrgExports(paths: readonly string[]): Promise<GraphRecords[]> {
  const out: GraphRecords[] = [];
  for (const input of paths) out.push(orgToRecords(await readOrgFiles(input), input));
  return out;
}

export function orgToRecords(files: OrgFiles, where: string): GraphRecords {
  const parse = <S extends z.ZodType>(key: string, schema: S): z.infer<S> => {
    const file = files.get(key);
    if (!file) throw new BadInputError(`${where}: missing ${key}`);
    const parsed = schema.safeParse(file.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadInputError(
        `${file.source}: ${issue ? describeIssue(issue) : 'unexpected content'}`,
      );
    }
    return parsed.data;
  };
  const keysUnder = (dir: string): string[] =>
    [...files.keys()].filter((key) => key.startsWith(`${dir}/`)).sort();
  const idOf = (key: string): string => key.slice(key.lastIndexOf('/') + 1, -'.json'.length);

  const { Organization: org } = parse('describe-organization.json', describeOrganization);
  const nodes = new Map<string, NodeRecord>();
  const rels: RelRecord[] = [];
  const node = (
    model: string,
    id: string,
    properties: Record<string, unknown>,
    stub = false,
  ): void => {
    if (!nodes.has(id) || !stub) nodes.set(id, { model, id, stub, properties });
  };
  const rel = (type: string, from: string, to: string): void => {
    rels.push({ type, from, to, properties: {} });
  };

  node('AWSOrganization', org.Id, {
    arn: org.Arn,
    managementAccountId: org.MasterAccountId,
    featureSet: org.FeatureSet,
  });
  for (const root of parse('list-roots.json', listRoots).Roots) {
    node('AWSOrganizationalUnit', root.Id, { name: root.Name, arn: root.Arn, isRoot: true });
    rel('IN_ORGANIZATION', root.Id, org.Id);
  }
  for (const key of keysUnder('list-organizational-units-for-parent')) {
    for (const ou of parse(key, listOrganizationalUnits).OrganizationalUnits) {
      node('AWSOrganizationalUnit', ou.Id, { name: ou.Name, arn: ou.Arn, isRoot: false });
      rel('IN_ORGANIZATION', ou.Id, org.Id);
      rel('CHILD_OF', ou.Id, idOf(key));
    }
  }
  for (const account of parse('list-accounts.json', listAccounts).Accounts) {
    node('AWSAccount', account.Id, {
      name: account.Name,
      email: account.Email,
      organizationId: org.Id,
      isManagementAccount: account.Id === org.MasterAccountId,
    });
  }
  if (!nodes.has(org.MasterAccountId)) node('AWSAccount', org.MasterAccountId, {}, true);
  rel('MANAGED_BY', org.Id, org.MasterAccountId);
  for (const key of keysUnder('list-accounts-for-parent')) {
    for (const account of parse(key, listAccounts).Accounts) {
      node('AWSAccount', account.Id, {}, true);
      rel('CHILD_OF', account.Id, idOf(key));
    }
  }
  for (const key of keysUnder('describe-policy')) {
    const { Policy: policy } = parse(key, describePolicy);
    const summary = policy.PolicySummary;
    const source = files.get(key)?.source ?? key;
    node('AWSOrgPolicy', summary.Id, {
      name: summary.Name,
      arn: summary.Arn,
      policyType: summary.Type === 'SERVICE_CONTROL_POLICY' ? 'SCP' : 'RCP',
      document: parseJson(policy.Content, `${source}: Policy.Content`),
      awsManaged: summary.AwsManaged,
    });
    const targetsKey = `list-targets-for-policy/${summary.Id}.json`;
    if (!files.has(targetsKey))
      throw new BadInputError(`${where}: missing ${targetsKey} for policy ${summary.Id}`);
    for (const target of parse(targetsKey, listTargets).Targets) {
      if (target.Type === 'ACCOUNT') node('AWSAccount', target.TargetId, {}, true);
      rel('APPLIES_TO', summary.Id, target.TargetId);
    }
  }
  for (const r of rels) {
    if (r.type === 'CHILD_OF' && !nodes.has(r.to)) {
      throw new BadInputError(
        `${where}: ${r.to} is the parent of ${r.from} but is neither a root nor an OU in this data`,
      );
    }
    if (r.type === 'APPLIES_TO' && !nodes.has(r.to)) {
      throw new BadInputError(
        `${where}: policy ${r.from} targets ${r.to}, which is neither a root, an OU nor an account here`,
      );
    }
  }
  const records: GraphRecords = {
    scope: { provider: Provider.AWS, id: `org/${org.Id}` },
    nodes: [...nodes.values()],
    relationships: rels,
  };
  return validateGraphRecords(flattenGraphRecords(records), where);
}

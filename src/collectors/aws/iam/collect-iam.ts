import {
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetOpenIDConnectProviderCommand,
  ListAccessKeysCommand,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { Provider } from '../../../model/provider.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import type { AwsScanContext } from '../scan-context.js';
import { collectCredentialReport, collectPasswordPolicy } from './collect-account-security.js';
import { authzPagesToRecords, type RawAuthzPage } from './read-authz.js';
import { rootUserRecords } from './root-user.js';

/**
 * IAM for one account: authorization details (users, groups, roles, policies with their default
 * versions, boundaries, instance profiles), access keys with last use, and identity providers.
 * Pages go through the same validation and transform as `cairn import aws-authz`.
 */
export async function collectIam(
  ctx: AwsScanContext,
  iam: IAMClient,
  pageSize = 1000,
): Promise<GraphRecords> {
  const call = <T>(operation: string, send: () => Promise<T>): Promise<T | undefined> =>
    awsCall(ctx, { service: 'iam', operation }, send);

  const pages: RawAuthzPage[] = [];
  let marker: string | undefined;
  do {
    const page = await call('GetAccountAuthorizationDetails', () =>
      iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: pageSize, Marker: marker })),
    );
    if (!page) break;
    const { $metadata: _metadata, ...body } = page;
    // Dates become ISO strings, exactly as the CLI prints them.
    pages.push({
      source: `aws iam page ${pages.length + 1} (${ctx.account})`,
      raw: JSON.parse(JSON.stringify(body)) as unknown,
    });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);

  const [authz] = pages.length ? authzPagesToRecords(pages, ctx.account) : [];
  const nodes: NodeRecord[] = [
    ...(authz?.nodes ?? [{ model: 'AWSAccount', id: ctx.account, stub: true, properties: {} }]),
  ];
  const rels: RelRecord[] = [...(authz?.relationships ?? [])];

  const users = nodes.filter((n) => n.model === 'AWSUser' && !n.stub);
  await Promise.all(
    users.map((user) => collectAccessKeys(String(user.properties['name']), user.id)),
  );
  await collectOidcProviders();
  await collectSamlProviders();
  const passwordPolicy = await collectPasswordPolicy(ctx, iam);
  const credentials = await collectCredentialReport(ctx, iam);
  const withCredentials = nodes.map((n) => {
    const facts = n.model === 'AWSUser' ? credentials?.users.get(n.id) : undefined;
    return facts ? { ...n, properties: { ...n.properties, ...facts } } : n;
  });
  const rootUser = credentials?.root
    ? rootUserRecords(ctx.account, credentials.root)
    : { nodes: [], rels: [] };
  return {
    scope: { provider: Provider.AWS, id: ctx.account },
    nodes: [...withCredentials, ...passwordPolicy.nodes, ...rootUser.nodes],
    relationships: [...rels, ...passwordPolicy.rels, ...rootUser.rels],
  };

  async function collectAccessKeys(userName: string, userArn: string): Promise<void> {
    let keyMarker: string | undefined;
    do {
      const listed = await call('ListAccessKeys', () =>
        iam.send(new ListAccessKeysCommand({ UserName: userName, Marker: keyMarker })),
      );
      if (!listed) return;
      for (const key of listed.AccessKeyMetadata ?? []) {
        if (!key.AccessKeyId) continue;
        const id = key.AccessKeyId;
        const used = await call('GetAccessKeyLastUsed', () =>
          iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id })),
        );
        nodes.push({
          model: 'AWSAccessKey',
          id,
          stub: false,
          properties: {
            status: key.Status ?? 'Unknown',
            createDate: key.CreateDate?.toISOString(),
            lastUsedDate: used?.AccessKeyLastUsed?.LastUsedDate?.toISOString(),
            lastUsedService: used?.AccessKeyLastUsed?.ServiceName,
            lastUsedRegion: used?.AccessKeyLastUsed?.Region,
          },
        });
        rels.push({ type: 'HAS_ACCESS_KEY', from: userArn, to: id, properties: {} });
      }
      keyMarker = listed.IsTruncated ? listed.Marker : undefined;
    } while (keyMarker);
  }

  async function collectOidcProviders(): Promise<void> {
    const listed = await call('ListOpenIDConnectProviders', () =>
      iam.send(new ListOpenIDConnectProvidersCommand({})),
    );
    for (const { Arn: arn } of listed?.OpenIDConnectProviderList ?? []) {
      if (!arn) continue;
      const detail = await call('GetOpenIDConnectProvider', () =>
        iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      );
      nodes.push({
        model: 'AWSOidcProvider',
        id: arn,
        stub: false,
        properties: {
          url: detail?.Url,
          clientIds: detail?.ClientIDList,
          thumbprints: detail?.ThumbprintList,
          createDate: detail?.CreateDate?.toISOString(),
        },
      });
      rels.push({ type: 'IN_ACCOUNT', from: arn, to: ctx.account, properties: {} });
    }
  }

  async function collectSamlProviders(): Promise<void> {
    const listed = await call('ListSAMLProviders', () =>
      iam.send(new ListSAMLProvidersCommand({})),
    );
    for (const provider of listed?.SAMLProviderList ?? []) {
      if (!provider.Arn) continue;
      nodes.push({
        model: 'AWSSamlProvider',
        id: provider.Arn,
        stub: false,
        properties: {
          createDate: provider.CreateDate?.toISOString(),
          validUntil: provider.ValidUntil?.toISOString(),
        },
      });
      rels.push({ type: 'IN_ACCOUNT', from: provider.Arn, to: ctx.account, properties: {} });
    }
  }
}

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  EnableKeyRotationCommand,
  KMSClient,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsCollector } from '../../src/collectors/aws/kms/collect-kms.js';
import type { ResourceCollector } from '../../src/collectors/aws/resources/resource-collector.js';
import { withGaps, type AwsScanContext } from '../../src/collectors/aws/scan-context.js';
import { secretsManagerCollector } from '../../src/collectors/aws/secretsmanager/collect-secrets.js';
import { KeyedRateLimiter } from '../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../src/logging/logger.js';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account.
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const SECRET_VALUE = 'correct-horse-battery-staple';
const keyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'root',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'app',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
      Action: 'kms:Decrypt',
      Resource: '*',
    },
  ],
};
const secretPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
    },
  ],
};

interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}
type Handler = (args: {
  input: Record<string, unknown>;
}) => Promise<{ output: Record<string, unknown> }>;
/** The shape of an SDK initialize middleware, enough to watch, page or fail a call. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface WithStack {
  middlewareStack: { add(mw: Middleware, options: object): void };
}

let moto: MotoServer;
let admin: Keys;
let auditor: Keys;
let orders: string;
let signing: string;
let plainKey: string;

async function user(iam: IAMClient, name: string, denied?: object): Promise<Keys> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'scan',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, ...(denied ? [denied] : [])],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  return { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
}

async function scan(
  collector: ResourceCollector,
  keys: Keys,
  options: { pageSize?: number; configureClient?: (client: object) => void } = {},
): Promise<{ records: GraphRecords; ctx: AwsScanContext }> {
  const ctx: AwsScanContext = {
    account: ACCOUNT,
    region: REGION,
    limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 100, burst: 100, concurrency: 4 })),
    log: loggerFor({ cloud: 'aws', account: ACCOUNT }),
    gaps: [],
  };
  const records = await collector.collect({
    ctx,
    clientConfig: {
      region: REGION,
      endpoint: moto.endpoint,
      credentials: () => Promise.resolve({ ...keys, sessionToken: '' }),
      maxAttempts: 1,
    },
    ...options,
  });
  const { records: withGapNodes } = withGaps(records, ctx.gaps);
  expect(() => validateGraphRecords(flattenGraphRecords(withGapNodes), 'scan')).not.toThrow();
  return { records, ctx };
}

function props(records: GraphRecords, id: string): Readonly<Record<string, unknown>> {
  const node = records.nodes.find((n) => n.id === id && !n.stub);
  if (!node) throw new Error(`${id} not collected`);
  return node.properties;
}

const idsOf = (records: GraphRecords, model: string): string[] =>
  records.nodes
    .filter((n) => n.model === model && !n.stub)
    .map((n) => n.id)
    .sort();

/**
 * The denied calls a scan recorded. moto answers an IAM denial of a JSON API with an XML 403
 * (`AccessDenied`, read as such by awsCall) where AWS says `AccessDeniedException`: either will do.
 */
function deniedCalls(ctx: AwsScanContext): string[] {
  for (const gap of ctx.gaps) expect(gap.errorCode).toMatch(/^AccessDenied(Exception)?$/);
  return ctx.gaps.map((g) => `${g.service}:${g.operation}@${g.region}`);
}

/** Fails `command` twice with a throttling error, as AWS does under load. */
function throttleTwice(command: string): {
  configureClient: (client: object) => void;
  count: () => number;
} {
  let throttled = 0;
  return {
    count: () => throttled,
    configureClient: (client) =>
      (client as WithStack).middlewareStack.add(
        (next, context) => (args) => {
          if (context.commandName === command && throttled < 2) {
            throttled += 1;
            const error = Object.assign(new Error('Rate exceeded'), {
              name: 'ThrottlingException',
              $fault: 'client',
              $metadata: { httpStatusCode: 400 },
            });
            return Promise.reject(error);
          }
          return next(args);
        },
        { step: 'initialize', name: 'testThrottle' },
      ),
  };
}

beforeAll(async () => {
  // IAM is enforced after the three calls that make the admin: the denied test needs it.
  moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '3' });
  const setup = {
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  admin = await user(new IAMClient({ region: REGION, ...setup }), 'admin');
  const asAdmin = { region: REGION, endpoint: moto.endpoint, credentials: admin };
  const iam = new IAMClient(asAdmin);
  auditor = await user(iam, 'auditor', {
    Effect: 'Deny',
    Action: ['kms:GetKeyPolicy', 'secretsmanager:GetResourcePolicy'],
    Resource: '*',
  });
  iam.destroy();

  const kms = new KMSClient(asAdmin);
  const create = async (input: CreateKeyCommandInput): Promise<string> =>
    (await kms.send(new CreateKeyCommand(input))).KeyMetadata?.Arn ?? '';
  orders = await create({
    Description: 'orders data',
    Tags: [{ TagKey: 'team', TagValue: 'payments' }],
  });
  signing = await create({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
  plainKey = await create({});
  await kms.send(
    new PutKeyPolicyCommand({
      KeyId: orders,
      PolicyName: 'default',
      Policy: JSON.stringify(keyPolicy),
    }),
  );
  await kms.send(new EnableKeyRotationCommand({ KeyId: orders }));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: orders }));
  kms.destroy();

  const sm = new SecretsManagerClient(asAdmin);
  await sm.send(
    new CreateSecretCommand({
      Name: 'db-password',
      SecretString: SECRET_VALUE,
      KmsKeyId: orders,
      Tags: [{ Key: 'team', Value: 'payments' }],
    }),
  );
  await sm.send(
    new PutResourcePolicyCommand({
      SecretId: 'db-password',
      ResourcePolicy: JSON.stringify(secretPolicy),
    }),
  );
  await sm.send(
    new CreateSecretCommand({
      Name: 'api-key',
      SecretString: SECRET_VALUE,
      KmsKeyId: 'alias/orders',
    }),
  );
  await sm.send(new CreateSecretCommand({ Name: 'plain', SecretString: SECRET_VALUE }));
  sm.destroy();
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('KMS collector against moto', () => {
  it('pages ListKeys and records each key with its policy, rotation, aliases and tags', async () => {
    // moto 5.2.1 ignores ListKeys' Limit and always answers in one page, so pages are cut
    // here from its full answer the way KMS does (Truncated, NextMarker), to prove the
    // collector follows the marker.
    const markers: unknown[] = [];
    const { records, ctx } = await scan(kmsCollector, admin, {
      pageSize: 2,
      configureClient: (client) =>
        (client as WithStack).middlewareStack.add(
          (next, context) => async (args) => {
            if (context.commandName !== 'ListKeysCommand') return next(args);
            const { Limit: limit, Marker: marker, ...rest } = args.input;
            markers.push(marker ?? 'first');
            const result = await next({ ...args, input: rest });
            const all = result.output['Keys'] as unknown[];
            const start = Number(marker ?? 0);
            const end = start + Number(limit);
            result.output['Keys'] = all.slice(start, end);
            result.output['Truncated'] = end < all.length;
            result.output['NextMarker'] = end < all.length ? String(end) : undefined;
            return result;
          },
          { step: 'initialize', name: 'pageLikeKms' },
        ),
    });
    expect(markers).toEqual(['first', '2']);
    expect(ctx.gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${REGION}/kms` });
    expect(idsOf(records, 'AWSKmsKey')).toEqual([orders, signing, plainKey].sort());
    expect(props(records, orders)).toMatchObject({
      account: ACCOUNT,
      region: REGION,
      policy: keyPolicy,
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      enabled: true,
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'AWS_KMS',
      description: 'orders data',
      rotationEnabled: true,
      aliases: ['alias/orders'],
      tags: { team: 'payments' },
    });
    expect(props(records, signing)).toMatchObject({
      keySpec: 'RSA_2048',
      keyUsage: 'SIGN_VERIFY',
      aliases: [],
    });
    expect(props(records, plainKey)).toMatchObject({ rotationEnabled: false });
    expect(props(records, plainKey)).not.toHaveProperty('tags');
  }, 60_000);

  it('retries a throttled call and completes the scan', async () => {
    const throttle = throttleTwice('GetKeyPolicyCommand');
    const { records, ctx } = await scan(kmsCollector, admin, throttle);
    expect(throttle.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(idsOf(records, 'AWSKmsKey')).toHaveLength(3);
    expect(props(records, orders)['policy']).toEqual(keyPolicy);
  }, 60_000);

  it('records a denied key policy as a coverage gap while the rest of the scan completes', async () => {
    const { records, ctx } = await scan(kmsCollector, auditor);
    // One denied GetKeyPolicy per key; everything else was read.
    expect(deniedCalls(ctx)).toEqual([1, 2, 3].map(() => `kms:GetKeyPolicy@${REGION}`));
    expect(idsOf(records, 'AWSKmsKey')).toHaveLength(3);
    expect(props(records, orders)).not.toHaveProperty('policy');
    expect(props(records, orders)).toMatchObject({
      keyManager: 'CUSTOMER',
      rotationEnabled: true,
      aliases: ['alias/orders'],
    });
  }, 60_000);
});

describe('Secrets Manager collector against moto', () => {
  it('pages ListSecrets and records each secret with its policy and key, never its value', async () => {
    const pages: unknown[] = [];
    const { records, ctx } = await scan(secretsManagerCollector, admin, {
      pageSize: 2,
      configureClient: (client) =>
        (client as WithStack).middlewareStack.add(
          (next, context) => (args) => {
            if (context.commandName === 'ListSecretsCommand')
              pages.push(args.input['NextToken'] ?? 'first');
            if (context.commandName === 'GetSecretValueCommand')
              throw new Error('must not read values');
            return next(args);
          },
          { step: 'initialize', name: 'watch' },
        ),
    });
    // moto pages ListSecrets itself: three secrets, two per page.
    expect(pages).toHaveLength(2);
    expect(ctx.gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${REGION}/secretsmanager` });
    const ids = idsOf(records, 'AWSSecret');
    expect(ids).toHaveLength(3);
    const id = (name: string): string => {
      const found = ids.find((arn) => arn.includes(`:secret:${name}-`));
      if (!found) throw new Error(`no secret ${name}`);
      return found;
    };
    expect(props(records, id('db-password'))).toMatchObject({
      account: ACCOUNT,
      region: REGION,
      name: 'db-password',
      policy: secretPolicy,
      kmsKeyId: orders,
      tags: { team: 'payments' },
    });
    expect(props(records, id('api-key'))).toMatchObject({ kmsKeyId: 'alias/orders' });
    expect(props(records, id('plain'))).not.toHaveProperty('policy');
    expect(records.relationships.map((r) => `${r.type} ${r.from} -> ${r.to}`)).toEqual([
      `ENCRYPTED_WITH ${id('db-password')} -> ${orders}`,
    ]);
    expect(JSON.stringify(records)).not.toContain(SECRET_VALUE);
  }, 60_000);

  it('retries a throttled call and completes the scan', async () => {
    const throttle = throttleTwice('ListSecretsCommand');
    const { records, ctx } = await scan(secretsManagerCollector, admin, throttle);
    expect(throttle.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(idsOf(records, 'AWSSecret')).toHaveLength(3);
  }, 60_000);

  it('records a denied resource policy as a coverage gap while the rest of the scan completes', async () => {
    const { records, ctx } = await scan(secretsManagerCollector, auditor);
    expect(deniedCalls(ctx)).toEqual(
      [1, 2, 3].map(() => `secretsmanager:GetResourcePolicy@${REGION}`),
    );
    const secrets = records.nodes.filter((n) => n.model === 'AWSSecret' && !n.stub);
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(secret.properties).not.toHaveProperty('policy');
    expect(records.relationships.map((r) => r.type)).toEqual(['ENCRYPTED_WITH']);
  }, 60_000);
});

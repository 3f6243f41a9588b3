import type { GraphRecords } from '../../../records/graph-records.js';
import type { CredentialsProvider } from '../accounts/assume-role.js';
import type { AwsScanContext } from '../scan-context.js';

/** What every SDK client of one account and region is built from. */
export interface AwsClientConfig {
  readonly region: string;
  /** moto in tests; otherwise the SDK's own (AWS_ENDPOINT_URL also works). */
  readonly endpoint?: string;
  /** A member account's assumed-role credentials; the ambient chain when absent. */
  readonly credentials?: CredentialsProvider;
  /** Our own retry handles throttling (and slows the rate limiter); the SDK's would double it. */
  readonly maxAttempts: 1;
}

/** One service of one account and region, as a resource collector sees it. */
export interface ResourceScanEnv {
  /** `ctx.region` is the region being collected (`global` services get the scan's region). */
  readonly ctx: AwsScanContext;
  readonly clientConfig: AwsClientConfig;
  /** Page size for paginated calls, where the API takes one (tests force several pages). */
  readonly pageSize?: number;
  /** Lets tests add middleware to each client (e.g. to throttle a call). */
  readonly configureClient?: (client: object) => void;
}

/**
 * Collects one AWS service into one scope (see `resourceScope`): every call through `awsCall`
 * (rate-limited, throttling retried, access denied recorded in `ctx.gaps`), every list paginated.
 */
export interface ResourceCollector {
  /** The scope's service part and the rate-limit key, e.g. `lambda`. */
  readonly service: string;
  /** Collected once per account (S3 lists every bucket from one region), not per region. */
  readonly global: boolean;
  collect(env: ResourceScanEnv): Promise<GraphRecords>;
}

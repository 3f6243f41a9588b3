import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { ResourceScanEnv } from '../resources/resource-collector.js';

/**
 * S3 clients of one account: one per region a bucket is in, made when first needed (a bucket's
 * calls go to its own region), and the S3 Control client for account settings.
 */
export class S3Clients {
  private readonly byRegion = new Map<string, S3Client>();
  private controlClient: S3ControlClient | undefined;

  constructor(private readonly env: ResourceScanEnv) {}

  forRegion(region: string): S3Client {
    let client = this.byRegion.get(region);
    if (!client) {
      const { endpoint } = this.env.clientConfig;
      client = new S3Client({
        ...this.env.clientConfig,
        region,
        // A bucket whose region could not be read is asked from the scan's region; S3 redirects.
        followRegionRedirects: true,
        // A custom endpoint (moto, a proxy) is one host: bucket names cannot be subdomains of it.
        ...(endpoint ? { forcePathStyle: true } : {}),
      });
      this.env.configureClient?.(client);
      this.byRegion.set(region, client);
    }
    return client;
  }

  control(): S3ControlClient {
    if (!this.controlClient) {
      const { endpoint } = this.env.clientConfig;
      this.controlClient = new S3ControlClient({
        ...this.env.clientConfig,
        // S3 Control puts the account id in front of the host; a custom endpoint is used as given.
        ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
      });
      this.env.configureClient?.(this.controlClient);
    }
    return this.controlClient;
  }

  destroy(): void {
    for (const client of this.byRegion.values()) client.destroy();
    this.controlClient?.destroy();
  }
}

import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { readNamed } from '../../db/transactions.js';
import type { ServeContext } from '../context.js';
import { Exposure } from './exposure.type.js';
import { publicBucketExposure, type PublicAccessRow } from './public-bucket-exposure.js';
import { Resource } from './resource.type.js';

const INSTANCE_ID = /^i-[0-9a-f]{8,32}$/;

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, {
    nullable: true,
    description:
      'A resource by id: an ARN (instance, load balancer, function, database, bucket...) or a bare EC2 instance id; null when there is none.',
  })
  async resource(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ServeContext,
  ): Promise<Resource | null> {
    let row = await ctx.loaders.entityById.load(id);
    if (!row && INSTANCE_ID.test(id)) {
      const found = await readNamed<{ id: string }>(ctx.db, 'serve/instance-by-instance-id', {
        instanceId: id,
      });
      // The same instance id in two loaded accounts would be ambiguous: ask for the ARN then.
      const [only] = found.length === 1 ? found : [];
      if (only) row = await ctx.loaders.entityById.load(only.id);
    }
    return row && !row.labels.includes('Principal') ? Resource.fromRow(row) : null;
  }

  @FieldResolver(() => [Exposure], {
    description:
      'How the internet reaches it, one line per protocol and port range; empty when it cannot (or before `cairn analyze`).',
  })
  async exposure(@Root() resource: Resource, @Ctx() ctx: ServeContext): Promise<Exposure[]> {
    const rows = await readNamed<{ exposure: string }>(ctx.db, 'serve/resource-exposure', {
      id: resource.id,
    });
    const network = rows.flatMap((row) => toExposure(row.exposure));
    if (resource.kind !== 'AWSS3Bucket') return network;
    const access = await readNamed<PublicAccessRow>(ctx.db, 'serve/resource-public-access', {
      id: resource.id,
    });
    return [...network, ...publicBucketExposure(resource.id, access)];
  }
}

function toExposure(text: string): Exposure[] {
  const parsed = JSON.parse(text) as {
    protocol: string;
    fromPort: number;
    toPort: number;
    via: string[];
    rules?: string[];
  }[];
  return parsed.map((p) => Object.assign(new Exposure(), { ...p, rules: p.rules ?? [] }));
}

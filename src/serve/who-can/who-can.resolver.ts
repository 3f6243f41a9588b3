import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { readAccountOrgs } from '../../analyze/aws/access/read-access-estate.js';
import { whoCan } from '../../analyze/aws/who-can.js';
import type { ServeContext } from '../context.js';
import { servedActionCatalog, servedAssumeEdges, servedIamModel } from './served-iam-model.js';
import { Entity } from '../node/entity.type.js';
import { standInEntity } from './stand-in-entity.js';
import { whoCanStore } from './who-can-store.js';
import { WhoCanEntry } from './who-can.type.js';

@Resolver()
export class WhoCanResolver {
  @Query(() => [WhoCanEntry], {
    description:
      "Who can perform the action on the resource, effective after every deny, boundary and SCP: directly, through the store's own policy (bucket, secret or key policy), by assuming roles, or as a stranger (the Internet: anonymous or any AWS account; principals of unloaded accounts the policy names).",
  })
  async whoCan(
    @Arg('action', () => String) action: string,
    @Arg('resource', () => ID) resource: string,
    @Ctx() ctx: ServeContext,
  ): Promise<WhoCanEntry[]> {
    const actions = await servedActionCatalog();
    const model = await servedIamModel(ctx.db, actions);
    const store = await whoCanStore(ctx.db, resource, model.cache);
    const entries = whoCan(model, action, resource, {
      assumeEdges: servedAssumeEdges(model),
      ...(store
        ? { store: { target: store, catalog: actions }, orgs: await readAccountOrgs(ctx.db) }
        : {}),
    });
    const rows = await Promise.all(
      entries.map((entry) => ctx.loaders.entityById.load(entry.principal)),
    );
    return entries.flatMap((entry, i) => {
      const row = rows[i];
      const principal = row ? Entity.fromRow(row) : standInEntity(entry.principal);
      if (!principal) return [];
      return [
        {
          principal,
          via: entry.via,
          path: [...entry.path],
          conditional: entry.conditional,
          evidence: {
            decidedBy: entry.decision.decidedBy,
            pending: entry.decision.pending,
            ...(entry.acl ? { acl: entry.acl } : {}),
          },
        },
      ];
    });
  }
}

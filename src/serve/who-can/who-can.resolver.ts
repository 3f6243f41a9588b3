import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { loadIamModel } from '../../analyze/aws/iam-model.js';
import { loadAwsActionCatalog, type ActionCatalog } from '../../analyze/aws/policy/index.js';
import { whoCan } from '../../analyze/aws/who-can.js';
import type { ServeContext } from '../context.js';
import { Entity } from '../node/entity.type.js';
import { WhoCanEntry } from './who-can.type.js';

let catalog: Promise<ActionCatalog> | undefined;

@Resolver()
export class WhoCanResolver {
  @Query(() => [WhoCanEntry], {
    description:
      'Who can perform the action on the resource, effective after every deny, boundary and SCP: directly, or by assuming roles.',
  })
  async whoCan(
    @Arg('action', () => String) action: string,
    @Arg('resource', () => ID) resource: string,
    @Ctx() ctx: ServeContext,
  ): Promise<WhoCanEntry[]> {
    catalog ??= loadAwsActionCatalog();
    const model = await loadIamModel(ctx.db, await catalog);
    const entries = whoCan(model, action, resource);
    const rows = await Promise.all(
      entries.map((entry) => ctx.loaders.entityById.load(entry.principal)),
    );
    return entries.flatMap((entry, i) => {
      const row = rows[i];
      if (!row) return [];
      return [
        {
          principal: Entity.fromRow(row),
          via: entry.via,
          path: [...entry.path],
          conditional: entry.conditional,
          evidence: { decidedBy: entry.decision.decidedBy, pending: entry.decision.pending },
        },
      ];
    });
  }
}

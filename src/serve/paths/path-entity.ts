import type { ServeContext } from '../context.js';
import { Entity } from '../node/entity.type.js';
import { standInEntity } from '../who-can/stand-in-entity.js';

const ADMIN_SUFFIX = '#admin';

/**
 * The entity a path node stands for: a principal *as admin* is the principal itself; a node gone
 * from the graph since the analysis is shown by id rather than failing the answer.
 */
export async function pathEntity(ctx: ServeContext, id: string): Promise<Entity> {
  const real = id.endsWith(ADMIN_SUFFIX) ? id.slice(0, -ADMIN_SUFFIX.length) : id;
  const row = await ctx.loaders.entityById.load(real);
  if (row) return Entity.fromRow(row);
  return (
    standInEntity(real) ??
    Entity.fromRow({
      id: real,
      labels: ['Entity'],
      props: { provider: 'CAIRN', scope: '', stub: true, firstSeen: '', lastSeen: '', scanId: '' },
    })
  );
}

export function grantsAdmin(id: string): boolean {
  return id.endsWith(ADMIN_SUFFIX);
}

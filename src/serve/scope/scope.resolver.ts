import { Ctx, Query, Resolver } from 'type-graphql';
import { readNamed } from '../../db/transactions.js';
import type { ServeContext } from '../context.js';
import { Scope } from './scope.type.js';

@Resolver()
export class ScopeResolver {
  @Query(() => [Scope], { description: 'Every loaded scope and the state of its data.' })
  async scopes(@Ctx() ctx: ServeContext): Promise<Scope[]> {
    const rows = await readNamed<{ scope: Record<string, unknown> }>(ctx.db, 'load/all-scopes');
    return rows.map(({ scope: s }) => ({
      id: String(s['id']),
      provider: String(s['provider']),
      status: String(s['status']),
      currentScanId: optionalString(s['currentScanId']),
      pendingScanId: optionalString(s['pendingScanId']),
      loadedAt: optionalString(s['loadedAt']),
      nodeCount: typeof s['nodeCount'] === 'number' ? s['nodeCount'] : null,
      relCount: typeof s['relCount'] === 'number' ? s['relCount'] : null,
    }));
  }
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

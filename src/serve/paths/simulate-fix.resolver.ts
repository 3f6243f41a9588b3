import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../errors/cairn-error.js';
import { latestPathSettings } from '../../paths/attack/path-runs.js';
import { simulateFix, type Fix } from '../../paths/attack/simulate-fix.js';
import type { ServeContext } from '../context.js';
import { attackPathResult } from './attack-path-result.js';
import { FixInput, WhatIfResult } from './simulate-fix.types.js';

const MAX_FIXES = 50;

@Resolver()
export class SimulateFixResolver {
  @Query(() => WhatIfResult, {
    description:
      'Which attack paths a fix (or several together) would remove and which would remain, found again in memory; the stored graph is not changed.',
  })
  async simulateFix(
    @Arg('fixes', () => [FixInput]) inputs: FixInput[],
    @Ctx() ctx: ServeContext,
  ): Promise<WhatIfResult> {
    if (inputs.length === 0 || inputs.length > MAX_FIXES) {
      throw new BadInputError(`fixes: give 1 to ${MAX_FIXES} fixes`);
    }
    const fixes = inputs.map(toFix);
    const result = await simulateFix(ctx.db, fixes, {
      settings: await latestPathSettings(ctx.db),
      now: new Date().toISOString(),
    });
    const shown = (paths: typeof result.removed) =>
      Promise.all(paths.map((path) => attackPathResult(ctx, path, false)));
    return Object.assign(new WhatIfResult(), {
      removed: await shown(result.removed),
      remaining: await shown(result.remaining),
      surfaced: await shown(result.surfaced),
    });
  }
}

function toFix(input: FixInput, index: number): Fix {
  const given = [input.removeHop, input.closePorts, input.dropTrust].filter(Boolean).length;
  if (given !== 1) {
    throw new BadInputError(`fixes.${index}: give exactly one of removeHop, closePorts, dropTrust`);
  }
  if (input.removeHop) {
    const { from, to, technique } = input.removeHop;
    return { kind: 'removeHop', from, to, ...(technique ? { technique } : {}) };
  }
  if (input.closePorts) {
    const { resource, ports } = input.closePorts;
    return { kind: 'closePorts', resource, ...(ports ? { ports } : {}) };
  }
  const { role, principal } = input.dropTrust!;
  return { kind: 'dropTrust', role, ...(principal ? { principal } : {}) };
}

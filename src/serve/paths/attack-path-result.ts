import { stepFixes } from '../../paths/attack/step-fixes.js';
import type { StoredAttackPath, StoredStep } from '../../paths/attack/stored-attack-path.js';
import type { ServeContext } from '../context.js';
import type { Entity } from '../node/entity.type.js';
import { AttackPathResult, AttackPathStep } from './attack-path.type.js';
import { fixInputOf } from './fix-input-of.js';
import { grantsAdmin, pathEntity } from './path-entity.js';

/** A stored (or simulated) path as the API shows it, its nodes resolved to entities. */
export async function attackPathResult(
  ctx: ServeContext,
  path: StoredAttackPath & { readonly groupSize?: number },
  isNew: boolean,
): Promise<AttackPathResult> {
  const steps = parseSteps(path.steps);
  // Every node of the path is asked for in the same tick: with the other paths of the page, one
  // batched lookup for the whole page (the DataLoader's), not one per node or per path.
  const ids = [path.entry, path.jewel, ...steps.flatMap((step) => [step.from, step.to])];
  const entities = await Promise.all(ids.map((id) => pathEntity(ctx, id)));
  const at = (index: number): Entity => entities[index]!;
  return Object.assign(new AttackPathResult(), {
    id: path.id,
    score: path.score,
    band: path.band,
    source: at(0),
    sourceReason: path.entryReason,
    target: at(1),
    targetReason: path.jewelReason,
    isNew,
    hopCount: path.hopCount,
    accounts: [...(path.accounts ?? [])],
    groupKey: path.groupKey ?? path.pathKey,
    similarCount: Math.max(0, (path.groupSize ?? 1) - 1),
    steps: steps.map((step, i) =>
      Object.assign(new AttackPathStep(), {
        from: at(2 + 2 * i),
        to: at(3 + 2 * i),
        technique: step.technique,
        likelihood: step.likelihood,
        grantsAdmin: grantsAdmin(step.to),
        evidence: step.ref,
        detail: [...(step.detail ?? [])],
        fixes: stepFixes(step).map((fix) => fixInputOf(fix.summary, fix.fix)),
      }),
    ),
  });
}

function parseSteps(text: string): StoredStep[] {
  try {
    const steps = JSON.parse(text) as unknown;
    return Array.isArray(steps) ? (steps as StoredStep[]) : [];
  } catch {
    return [];
  }
}

import { stepFixes } from '../../paths/attack/step-fixes.js';
import type { StoredAttackPath, StoredStep } from '../../paths/attack/stored-attack-path.js';
import type { ServeContext } from '../context.js';
import { AttackPathResult, AttackPathStep } from './attack-path.type.js';
import { fixInputOf } from './fix-input-of.js';
import { grantsAdmin, pathEntity } from './path-entity.js';

/** A stored (or simulated) path as the API shows it, its nodes resolved to entities. */
export async function attackPathResult(
  ctx: ServeContext,
  path: StoredAttackPath & { readonly groupSize?: number },
  isNew: boolean,
): Promise<AttackPathResult> {
  const entity = (id: string) => pathEntity(ctx, id);
  return Object.assign(new AttackPathResult(), {
    id: path.id,
    score: path.score,
    band: path.band,
    source: await entity(path.entry),
    sourceReason: path.entryReason,
    target: await entity(path.jewel),
    targetReason: path.jewelReason,
    isNew,
    hopCount: path.hopCount,
    accounts: [...(path.accounts ?? [])],
    groupKey: path.groupKey ?? path.pathKey,
    similarCount: Math.max(0, (path.groupSize ?? 1) - 1),
    steps: await Promise.all(
      parseSteps(path.steps).map(async (step) =>
        Object.assign(new AttackPathStep(), {
          from: await entity(step.from),
          to: await entity(step.to),
          technique: step.technique,
          likelihood: step.likelihood,
          grantsAdmin: grantsAdmin(step.to),
          evidence: step.ref,
          detail: [...(step.detail ?? [])],
          fixes: stepFixes(step).map((fix) => fixInputOf(fix.summary, fix.fix)),
        }),
      ),
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
